using ZaloBot.Dialogs.Content;
using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Tests.Feedback;

public sealed class TicketMessagesTests
{
    private static readonly TicketMessages Messages = new(BotTexts.Default);

    [Test]
    public void StatusChanged_Rejected_CarriesTheStatedReason() =>
        Assert.That(Messages.StatusChanged("PA-2026-000123", TicketStatus.Rejected, "Không thuộc thẩm quyền của quận")!.Text,
            Is.EqualTo("Phản ánh PA-2026-000123 không được thụ lý. Lý do: Không thuộc thẩm quyền của quận"));

    [TestCase(TicketStatus.Answered)]
    [TestCase(TicketStatus.Received)]
    public void StatusChanged_AnsweredOrReceived_IsNotAPlainNotice(TicketStatus status) =>
        // Answered sends the engine's satisfaction request instead; Received is the intake's own confirmation.
        Assert.That(Messages.StatusChanged("PA-2026-000123", status, null), Is.Null);

    [Test]
    public void Reply_StaffText_IsHeadedByTheTicketCode() =>
        Assert.That(Messages.Reply("PA-2026-000123", "Đã xử lý xong.").Text, Is.EqualTo("Phản hồi cho phản ánh PA-2026-000123:\nĐã xử lý xong."));
}
