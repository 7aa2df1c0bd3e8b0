using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Conversations;

public class StatusTranscripts
{
    private static TicketView Ticket(string code, TicketProgress status = TicketProgress.InProgress, string? reply = null, int day = 20) =>
        new(code, "Trật tự đô thị", status, "UBND Phường 9", new DateOnly(2026, 12, 5), reply, new DateTimeOffset(2026, 11, day, 3, 0, 0, TimeSpan.Zero));

    [TestCase("PA-2026-000123")]
    [TestCase("pa2026000123")]
    [TestCase("mã 000123")]
    [TestCase("cho hỏi phản ánh PA 2026 123 tới đâu rồi")]
    public async Task Status_ByCodeInAnyForm_ShowsOwnTicketDetails(string text)
    {
        var t = new Transcript();
        t.Desk.Seed(t.UserId, Ticket("PA-2026-000123", reply: "Đã yêu cầu hộ kinh doanh dọn dẹp vỉa hè."));

        var replies = await t.Says(text);

        Assert.That(replies.Texts(), Is.EqualTo(new[]
        {
            "Phản ánh PA-2026-000123 (Trật tự đô thị)\n" +
            "• Trạng thái: Đang xử lý\n" +
            "• Đơn vị xử lý: UBND Phường 9\n" +
            "• Hạn trả lời: 05/12/2026\n" +
            "• Phản hồi mới nhất: Đã yêu cầu hộ kinh doanh dọn dẹp vỉa hè.",
        }));
    }

    [Test]
    public async Task Status_SomeoneElsesCode_SaysNotFoundWithoutRevealingIt()
    {
        var t = new Transcript("citizen-a");
        t.Desk.Seed("citizen-b", Ticket("PA-2026-000200", reply: "Bí mật của người khác"));

        var replies = await t.Says("PA-2026-000200");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.Fill(t.Texts.StatusNotFound, ("code", "PA-2026-000200")) }));
        Assert.That(replies[0].Text, Does.Not.Contain("Bí mật"));
        Assert.That(replies[0].Text, Does.Not.Contain("Trật tự đô thị"));
    }

    [Test]
    public async Task Status_MyFeedback_ListsOwnTicketsNewestFirstWithCodeButtons()
    {
        var t = new Transcript("citizen-a");
        t.Desk.Seed("citizen-a", Ticket("PA-2026-000101", TicketProgress.Answered, day: 10));
        t.Desk.Seed("citizen-a", Ticket("PA-2026-000150", TicketProgress.Received, day: 21));
        t.Desk.Seed("citizen-b", Ticket("PA-2026-000160", day: 22));

        var replies = await t.Says("Tra cứu phản ánh");

        Assert.That(replies.Texts(), Is.EqualTo(new[]
        {
            "Các phản ánh gần đây của bạn:\n" +
            "• PA-2026-000150: Đã tiếp nhận, hạn 05/12/2026\n" +
            "• PA-2026-000101: Đã trả lời, hạn 05/12/2026\n" +
            "Bấm vào mã để xem chi tiết, hoặc gõ mã phản ánh.",
        }));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "PA-2026-000150", "PA-2026-000101" }));
    }

    [Test]
    public async Task Status_CodeButtonTapped_ShowsThatTicket()
    {
        var t = new Transcript();
        t.Desk.Seed(t.UserId, Ticket("PA-2026-000150", TicketProgress.Received));
        var list = await t.Says("tra cứu");

        var replies = await t.Says(list[0].Buttons[0].Payload);

        Assert.That(replies[0].Text, Does.StartWith("Phản ánh PA-2026-000150 (Trật tự đô thị)"));
        Assert.That(replies[0].Text, Does.Contain("• Phản hồi mới nhất: Chưa có"));
    }

    [Test]
    public async Task Status_NoTickets_SaysSoAndOffersToSendFeedback()
    {
        var t = new Transcript();

        var replies = await t.Says("Tra cứu phản ánh");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.StatusNone }));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "Gửi phản ánh", "Menu" }));
    }

    [Test]
    public async Task Status_TicketJustCreated_FoundByItsCode()
    {
        var t = new Transcript();
        await t.FillIntakeUpToConfirm();
        await t.Says("có");

        var replies = await t.Says("pa2026000123");

        Assert.That(replies[0].Text, Does.Contain("• Trạng thái: Đã tiếp nhận"));
        Assert.That(replies[0].Text, Does.Contain("• Đơn vị xử lý: Đang phân công"));
    }
}
