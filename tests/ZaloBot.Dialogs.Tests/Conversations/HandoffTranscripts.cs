using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Conversations;

public class HandoffTranscripts
{
    [Test]
    public async Task Handoff_InOfficeHours_RequestsStaffAndOffersToEnd()
    {
        var t = new Transcript();

        var replies = await t.Says("Gặp cán bộ");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffRequested }));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "Kết thúc" }));
        Assert.That(t.Staff.Requests, Has.Count.EqualTo(1));
        Assert.That(t.Staff.Requests[0].OutsideOfficeHours, Is.False);
        Assert.That(t.State.User.Handoff.Status, Is.EqualTo(HandoffStatus.Requested));
    }

    [Test]
    public async Task Handoff_RecognizedIntent_RequestsStaff()
    {
        var t = new Transcript();

        await t.Says("cho tôi gặp người thật");

        Assert.That(t.Staff.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Handoff_AskedTwiceWhileWaiting_OnlyOneRequest()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");

        var replies = await t.Says("gặp cán bộ");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffAlready }));
        Assert.That(t.Staff.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Handoff_WhileWaiting_BotStillAnswersQuestions()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");

        var replies = await t.Says("khai sinh");

        Assert.That(replies[0].Text, Does.Contain("giấy chứng sinh"));
    }

    [Test]
    public async Task Handoff_StaffTakesOver_BotSilentThenStaffReleases_BotSpeaksAgain()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");

        var taken = await t.Event(ActivityType.StaffTookOver);
        var whileWithStaff = await t.Says("Dạ em muốn hỏi về hồ sơ khai sinh");
        var greetingWhileWithStaff = await t.Says("xin chào");
        var released = await t.Event(ActivityType.StaffReleased);
        var after = await t.Says("khai sinh");

        Assert.That(taken.Texts(), Is.EqualTo(new[] { t.Texts.HandoffTaken }));
        Assert.That(whileWithStaff, Is.Empty);
        Assert.That(greetingWhileWithStaff, Is.Empty);
        Assert.That(released.Texts(), Is.EqualTo(new[] { t.Texts.HandoffReleased }));
        Assert.That(after[0].Text, Does.Contain("giấy chứng sinh"));
    }

    [TestCase("kết thúc")]
    [TestCase("ket thuc")]
    [TestCase("hủy")]
    public async Task Handoff_CitizenEndsWhileWithStaff_EndsThroughPortAndShowsMenu(string end)
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");
        await t.Event(ActivityType.StaffTookOver);

        var replies = await t.Says(end);

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffEnded }));
        Assert.That(t.Staff.Ended, Is.EqualTo(new[] { t.UserId }));
        Assert.That(t.State.User.Handoff.Status, Is.EqualTo(HandoffStatus.None));
    }

    [Test]
    public async Task Handoff_CitizenWithdrawsWaitingRequest_EndsThroughPort()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");

        var replies = await t.Says("Kết thúc");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffEnded }));
        Assert.That(t.Staff.Ended, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Handoff_StaffTakesOverMidIntake_IntakeDroppedAndBotSilent()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Event(ActivityType.StaffTookOver);

        var replies = await t.Says("Trật tự đô thị");

        Assert.That(replies, Is.Empty);
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
    }

    [Test]
    public async Task Handoff_OutsideOfficeHours_SaysWhenAndTakesAMessage()
    {
        var t = new Transcript();
        t.Staff.IsOpen = false;
        t.Staff.NextOpening = new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero);

        var offer = await t.Says("Gặp cán bộ");
        var ask = await t.Says("có");
        var saved = await t.Says("Tôi cần hỏi về hồ sơ xây dựng đã nộp tuần trước");

        Assert.That(offer[0].Text, Is.EqualTo("Hiện ngoài giờ làm việc. Cán bộ sẽ trả lời từ 07:30 ngày 26/11/2026. Bạn có muốn để lại lời nhắn không?"));
        Assert.That(offer[0].Titles(), Is.EqualTo(new[] { "Có", "Không" }));
        Assert.That(ask.Texts(), Is.EqualTo(new[] { t.Texts.HandoffMessagePrompt }));
        Assert.That(saved.Texts(), Is.EqualTo(new[] { "Đã ghi nhận lời nhắn. Cán bộ sẽ trả lời bạn từ 07:30 ngày 26/11/2026." }));
        Assert.That(t.Staff.Requests, Has.Count.EqualTo(1));
        Assert.That(t.Staff.Requests[0].OutsideOfficeHours, Is.True);
        Assert.That(t.Staff.Requests[0].Message, Is.EqualTo("Tôi cần hỏi về hồ sơ xây dựng đã nộp tuần trước"));
        Assert.That(t.State.User.Handoff.Status, Is.EqualTo(HandoffStatus.None));
    }

    [Test]
    public async Task Handoff_OutsideOfficeHoursNoMessage_NothingQueued()
    {
        var t = new Transcript();
        t.Staff.IsOpen = false;
        await t.Says("Gặp cán bộ");

        var replies = await t.Says("không");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffNoMessage }));
        Assert.That(t.Staff.Requests, Is.Empty);
    }

    [Test]
    public async Task Handoff_AfterUnknownQuestion_PassesTheQuestionToStaff()
    {
        var t = new Transcript();
        await t.Says("thủ tục đổi bằng lái xe");

        await t.Says("Gặp cán bộ");

        Assert.That(t.Staff.Requests.Single().Message, Is.EqualTo("thủ tục đổi bằng lái xe"));
    }

    [Test]
    public async Task Handoff_WaitingLongerThanTimeout_NewRequestAllowed()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");
        t.Wait(TimeSpan.FromHours(3));

        var replies = await t.Says("Gặp cán bộ");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffRequested }));
        Assert.That(t.Staff.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Handoff_NeverReleasedAndCitizenSilentForHalfADay_BotSpeaksAgain()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");
        await t.Event(ActivityType.StaffTookOver);
        t.Wait(TimeSpan.FromHours(13));

        var replies = await t.Says("khai sinh");

        Assert.That(replies[0].Text, Does.Contain("giấy chứng sinh"));
        Assert.That(t.State.User.Handoff.Status, Is.EqualTo(HandoffStatus.None));
    }

    [Test]
    public async Task Handoff_StaffTookOverLateAfterRequest_StillSilent()
    {
        var t = new Transcript();
        await t.Says("Gặp cán bộ");
        t.Wait(TimeSpan.FromHours(13));
        await t.Event(ActivityType.StaffTookOver);

        var replies = await t.Says("Chào anh chị");

        Assert.That(replies, Is.Empty);
    }
}
