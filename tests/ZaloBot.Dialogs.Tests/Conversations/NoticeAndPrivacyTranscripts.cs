using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Conversations;

public class NoticeAndPrivacyTranscripts
{
    private static TicketView Answered(string code) =>
        new(code, "Vệ sinh môi trường", TicketProgress.Answered, "UBND Phường 1", new DateOnly(2026, 12, 5), "Đã thu gom rác.", Transcript.Start);

    [Test]
    public void StatusChanged_InProgress_OneShortMessage()
    {
        var notices = new CitizenNotices(ZaloBot.Dialogs.Content.BotTexts.Default);

        var messages = notices.StatusChanged(Answered("PA-2026-000123") with { Status = TicketProgress.InProgress });

        Assert.That(messages.Texts(), Is.EqualTo(new[] { "Phản ánh PA-2026-000123 của bạn đã chuyển sang trạng thái: Đang xử lý. Đơn vị xử lý: UBND Phường 1." }));
    }

    [Test]
    public void StatusChanged_Answered_AddsRatingAndReopenButtons()
    {
        var notices = new CitizenNotices(ZaloBot.Dialogs.Content.BotTexts.Default);

        var messages = notices.StatusChanged(Answered("PA-2026-000123"));

        Assert.That(messages, Has.Count.EqualTo(3));
        Assert.That(messages[1].Titles(), Is.EqualTo(new[] { "1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐" }));
        Assert.That(messages[1].Buttons[4].Payload, Is.EqualTo("#rate:PA-2026-000123:5"));
        Assert.That(messages[2].Buttons.Single().Payload, Is.EqualTo("#reopen:PA-2026-000123"));
        Assert.That(messages[2].Titles(), Is.EqualTo(new[] { "Chưa được giải quyết" }));
    }

    [Test]
    public void StaffReplied_LongReply_SplitWithinZaloLimit()
    {
        var notices = new CitizenNotices(ZaloBot.Dialogs.Content.BotTexts.Default);

        var messages = notices.StaffReplied(Answered("PA-2026-000123"), string.Join(' ', Enumerable.Repeat("nội dung trả lời", 300)));

        Assert.That(messages, Has.Count.GreaterThan(1));
        Assert.That(messages[0].Text, Does.StartWith("Phản hồi cho phản ánh PA-2026-000123:\nnội dung"));
        Assert.That(messages.All(m => m.Text.Length <= OutgoingMessage.MaxTextLength), Is.True);
    }

    [Test]
    public async Task Rating_TappedOnOwnTicket_RecordedThroughPort()
    {
        var t = new Transcript();
        t.Desk.Seed(t.UserId, Answered("PA-2026-000123"));
        var tap = new CitizenNotices(t.Texts).SatisfactionRequest("PA-2026-000123")[0].Buttons[3].Payload;

        var replies = await t.Says(tap);

        Assert.That(replies.Texts(), Is.EqualTo(new[] { "Cảm ơn bạn đã đánh giá 4/5 cho phản ánh PA-2026-000123!" }));
        Assert.That(t.Desk.Ratings, Is.EqualTo(new[] { ("PA-2026-000123", 4) }));
    }

    [Test]
    public async Task Rating_TappedMidIntake_RecordedAndIntakeContinues()
    {
        var t = new Transcript();
        t.Desk.Seed(t.UserId, Answered("PA-2026-000123"));
        await t.Says("Gửi phản ánh");

        var replies = await t.Says("#rate:PA-2026-000123:5");

        Assert.That(replies[0].Text, Does.StartWith("Cảm ơn bạn đã đánh giá 5/5"));
        // Changed by issue 13: after any detour the intake asks "Tiếp tục gửi phản ánh?" with its open question.
        Assert.That(replies[1].Text, Is.EqualTo("Tiếp tục gửi phản ánh? " + t.Texts.IntakeCategoryPrompt));
        Assert.That(t.State.Conversation.DialogStack, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Rating_SomeoneElsesTicket_NotRecorded()
    {
        var t = new Transcript("citizen-a");
        t.Desk.Seed("citizen-b", Answered("PA-2026-000123"));

        var replies = await t.Says("#rate:PA-2026-000123:1");

        Assert.That(replies[0].Text, Does.StartWith("Mình không tìm thấy phản ánh PA-2026-000123"));
        Assert.That(t.Desk.Ratings, Is.Empty);
    }

    [Test]
    public async Task Reopen_TappedOnOwnTicket_ReopenedThroughPort()
    {
        var t = new Transcript();
        t.Desk.Seed(t.UserId, Answered("PA-2026-000123"));

        var replies = await t.Says("#reopen:PA-2026-000123");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { "Phản ánh PA-2026-000123 đã được mở lại, cán bộ sẽ tiếp tục xử lý và trả lời bạn." }));
        Assert.That(t.Desk.Reopened, Is.EqualTo(new[] { "PA-2026-000123" }));
    }

    [Test]
    public async Task Privacy_DeleteMyData_ExplainsThenRecordsRequestOnYes()
    {
        var t = new Transcript();

        var explain = await t.Says("Tôi muốn xóa dữ liệu của tôi");
        var done = await t.Says("đồng ý");

        Assert.That(explain.Texts(), Is.EqualTo(new[] { t.Texts.PrivacyExplain, t.Texts.PrivacyConfirm }));
        Assert.That(done.Texts(), Is.EqualTo(new[] { t.Texts.PrivacyRecorded }));
        Assert.That(t.Signals.DeletionRequests, Is.EqualTo(new[] { t.UserId }));
    }

    [Test]
    public async Task Privacy_DeleteMyDataThenNo_NothingRecorded()
    {
        var t = new Transcript();
        await t.Says("xoa du lieu cua toi");

        var replies = await t.Says("không");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.PrivacyKept }));
        Assert.That(t.Signals.DeletionRequests, Is.Empty);
    }
}
