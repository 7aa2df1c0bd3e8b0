using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Tests.Feedback;

public sealed class TicketTextsTests
{
    private static readonly TicketTexts Texts = TicketTexts.Load(Path.Combine(AppContext.BaseDirectory, "content"));

    [Test]
    public void Label_EveryStatus_HasAVietnameseLabel()
    {
        var labels = Enum.GetValues<TicketStatus>().Select(Texts.Label).ToArray();
        Assert.That(labels, Is.EqualTo(new[] { "Mới tiếp nhận", "Đã thụ lý", "Đang xử lý", "Đã trả lời", "Đã đóng", "Từ chối", "Chuyển cơ quan khác" }));
    }

    [Test]
    public void Message_EveryResultCode_HasAText() =>
        Assert.That(Enum.GetValues<TicketResultCode>().Select(c => Texts.Message(new TicketActionResult(TicketActionOutcome.Done, c))),
            Has.All.Not.Empty.And.All.Not.Contain("{"));

    [Test]
    public void Message_MoveNotAllowed_NamesBothStatuses() =>
        Assert.That(Texts.Message(TicketActionResult.Invalid(TicketResultCode.MoveNotAllowed, TicketStatus.Received, TicketStatus.Closed)),
            Is.EqualTo("Không thể chuyển từ \"Mới tiếp nhận\" sang \"Đã đóng\"."));

    [Test]
    public void Message_Assigned_NamesTheUnit() =>
        Assert.That(Texts.Message(TicketActionResult.Done(TicketResultCode.Assigned, unitName: "UBND Phường 1")), Is.EqualTo("Đã chuyển cho UBND Phường 1."));

    [Test]
    public void Parse_MissingResultText_FailsNamingIt()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", TicketTexts.FileName));
        var ex = Assert.Throws<InvalidDataException>(() => TicketTexts.Parse(yaml.Replace("  note_added:", "  note_addd:", StringComparison.Ordinal)));
        Assert.That(ex!.Message, Does.Contain("missing [note_added]").And.Contain("unknown [note_addd]"));
    }

    [Test]
    public void Parse_UnknownTopLevelKey_Fails()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", TicketTexts.FileName));
        Assert.Throws<InvalidDataException>(() => TicketTexts.Parse(yaml + "\ncitizen_actr: x\n"));
    }
}
