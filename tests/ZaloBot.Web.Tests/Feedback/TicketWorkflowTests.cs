using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Tests.Feedback;

public sealed class TicketWorkflowTests
{
    [TestCase(TicketStatus.Received, TicketStatus.Accepted)]
    [TestCase(TicketStatus.Received, TicketStatus.Rejected)]
    [TestCase(TicketStatus.Received, TicketStatus.Transferred)]
    [TestCase(TicketStatus.Accepted, TicketStatus.InProgress)]
    [TestCase(TicketStatus.Accepted, TicketStatus.Answered)]
    [TestCase(TicketStatus.InProgress, TicketStatus.Answered)]
    [TestCase(TicketStatus.InProgress, TicketStatus.Rejected)]
    [TestCase(TicketStatus.Answered, TicketStatus.Closed)]
    public void CanMove_AllowedTransition_IsTrue(TicketStatus from, TicketStatus to) =>
        Assert.That(TicketWorkflow.CanMove(from, to), Is.True);

    [TestCase(TicketStatus.Received, TicketStatus.Answered)]
    [TestCase(TicketStatus.Received, TicketStatus.Closed)]
    [TestCase(TicketStatus.Received, TicketStatus.InProgress)]
    [TestCase(TicketStatus.Accepted, TicketStatus.Received)]
    [TestCase(TicketStatus.InProgress, TicketStatus.Closed)]
    [TestCase(TicketStatus.Answered, TicketStatus.InProgress)]
    [TestCase(TicketStatus.Closed, TicketStatus.Answered)]
    [TestCase(TicketStatus.Rejected, TicketStatus.Accepted)]
    [TestCase(TicketStatus.Transferred, TicketStatus.Closed)]
    [TestCase(TicketStatus.Accepted, TicketStatus.Accepted)]
    public void CanMove_ForbiddenTransition_IsFalse(TicketStatus from, TicketStatus to) =>
        Assert.That(TicketWorkflow.CanMove(from, to), Is.False);

    [Test]
    public void CanReopen_OnlyFinishedTickets()
    {
        var reopenable = Enum.GetValues<TicketStatus>().Where(TicketWorkflow.CanReopen).ToArray();
        Assert.That(reopenable, Is.EqualTo(new[] { TicketStatus.Answered, TicketStatus.Closed, TicketStatus.Rejected, TicketStatus.Transferred }));
    }
}
