using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Conversations;

/// <summary>Issue 13: say it once, ask only what is missing, answer questions mid-way, no dead ends, a person when needed.</summary>
public class SlotIntakeTranscripts
{
    private const string StreetLight = "Đèn đường trong hẻm 50 Trần Quốc Thảo, phường 9 bị hỏng hai tuần nay";

    [Test]
    public async Task Report_InOneMessage_AsksOnlyContactThenShowsWhatWasInferred()
    {
        var t = new Transcript();

        var contact = await t.Says(StreetLight);
        var summary = await t.Says("Bỏ qua");
        var created = await t.Says("Xác nhận gửi");

        Assert.That(contact[0].Text, Is.EqualTo(t.Texts.IntakeContactPrompt));
        Assert.That(summary[0].Text, Does.Contain("• Lĩnh vực: Đường, đèn, cống " + t.Texts.IntakeSummaryInferred));
        Assert.That(summary[0].Text, Does.Contain("• Phường: Phường 9 " + t.Texts.IntakeSummaryInferred));
        Assert.That(summary[0].Text, Does.Contain("• Vị trí: hẻm 50 Trần Quốc Thảo"));
        Assert.That(created[0].Text, Does.StartWith("Đã tiếp nhận phản ánh của bạn."));
        var ticket = t.Desk.Tickets.Single().Ticket;
        Assert.That((ticket.CategoryCode, ticket.WardCode, ticket.Description), Is.EqualTo(("ha-tang", "p9", StreetLight)));
        Assert.That(ticket.Location!.Address, Is.EqualTo("hẻm 50 Trần Quốc Thảo"));
    }

    [Test]
    public async Task Report_StreetOfTwoWards_AsksWithOnlyThoseWards()
    {
        var t = new Transcript();

        var ward = await t.Says("Cây đổ chắn ngang đường tran quoc thao sau cơn bão tối qua");
        var contact = await t.Says("Phường Võ Thị Sáu");

        Assert.That(ward[0].Text, Is.EqualTo("Đường Trần Quốc Thảo đi qua nhiều phường. Sự việc xảy ra ở phường nào?"));
        Assert.That(ward.AllTitles(), Is.EqualTo(new[] { "Phường 9", "Phường Võ Thị Sáu" }));
        Assert.That(contact[0].Text, Is.EqualTo(t.Texts.IntakeContactPrompt));
        Assert.That(FeedbackIntakeDialog.DraftOf(t.State.Conversation.DialogStack[0])!.WardCode, Is.EqualTo("vts"));
    }

    [TestCase("p9")]
    [TestCase("P.9")]
    [TestCase("phường 9")]
    [TestCase("ward 9")]
    public async Task Report_LooseWardSpelling_WardInferred(string ward)
    {
        var t = new Transcript();

        await t.Says($"Ổ gà rất lớn giữa đường trước chợ, {ward}, xe máy dễ té");

        Assert.That(FeedbackIntakeDialog.DraftOf(t.State.Conversation.DialogStack[0])!.WardCode, Is.EqualTo("p9"));
    }

    [Test]
    public async Task Intake_QuestionAtTheWardPrompt_AnsweredThenOffersToContinue()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");

        var replies = await t.Says("à mà làm khai sinh cho con cần giấy tờ gì?");
        var next = await t.Says("Phường 3");

        Assert.That(replies[0].Text, Does.Contain("giấy chứng sinh"));
        Assert.That(replies.Select(r => r.Text), Does.Contain("Tiếp tục gửi phản ánh? " + t.Texts.IntakeWardPrompt));
        Assert.That(next[0].Text, Does.StartWith("Bạn mô tả sự việc"));
    }

    [Test]
    public async Task Intake_DescriptionTypedAtTheWardPrompt_KeptAndWardReadFromTheStreet()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Đường, đèn, cống");

        var contact = await t.Says("Cống trước nhà số 10 Kỳ Đồng bị vỡ nắp rất nguy hiểm");

        Assert.That(contact[0].Text, Is.EqualTo(t.Texts.IntakeContactPrompt));
        var draft = FeedbackIntakeDialog.DraftOf(t.State.Conversation.DialogStack[0])!;
        Assert.That((draft.WardCode, draft.Description, draft.Address), Is.EqualTo(("p9", "Cống trước nhà số 10 Kỳ Đồng bị vỡ nắp rất nguy hiểm", "số 10 Kỳ Đồng")));
    }

    [Test]
    public async Task Intake_EditWardAtTheSummary_ChangesOnlyTheWard()
    {
        var t = new Transcript();
        await t.Says(StreetLight);
        await t.Says("Bỏ qua");

        var ward = await t.Says("sửa phường");
        var summary = await t.Says("Phường 10");

        Assert.That(ward[0].Text, Is.EqualTo(t.Texts.IntakeWardPrompt));
        Assert.That(summary[0].Text, Does.Contain("• Phường: Phường 10\n").And.Contain("• Nội dung: " + StreetLight));
        Assert.That(summary[0].Text, Does.Contain("• Lĩnh vực: Đường, đèn, cống " + t.Texts.IntakeSummaryInferred));
    }

    [Test]
    public async Task Intake_ThreeMisunderstoodWards_ExplainsOnceMoreWithAPersonAndKeepsEverything()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        await t.Says("chỗ gần chợ");
        await t.Says("không nhớ rõ");

        var third = await t.Says("ở chỗ đó đó");
        var fourth = await t.Says("Phường 1");

        Assert.That(third[0].Text, Does.StartWith(t.Texts.IntakeStillUnclear));
        Assert.That(third.AllTitles(), Does.Contain("Gặp cán bộ").And.Contain("Phường 9"));
        Assert.That(fourth[0].Text, Does.StartWith("Bạn mô tả sự việc"));
        Assert.That(FeedbackIntakeDialog.DraftOf(t.State.Conversation.DialogStack[0])!.CategoryCode, Is.EqualTo("tt-do-thi"));
    }

    [TestCase("xác nhận gửi")]
    [TestCase("ok")]
    [TestCase("có")]
    [TestCase("được")]
    [TestCase("cảm ơn nhiều nha")]
    [TestCase("Dạ cảm ơn ad ạ!")]
    [TestCase("cam on ban nhieu")]
    public async Task ShortReply_OutsideAnyQuestion_NotSentToTheFaqMatcher(string text)
    {
        var t = new Transcript();

        var replies = await t.Says(text);

        Assert.That(t.Recognizer.Calls, Is.EqualTo(0));
        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.MenuPrompt }));
        Assert.That(t.Signals.Unanswered, Is.Empty);
    }

    [TestCase("cảm ơn nhưng tôi vẫn chưa hiểu cách nộp")]
    [TestCase("nha ad")]
    public async Task ShortReplyWordsWithMoreThanFillers_AreReadAsAMessage(string text)
    {
        var t = new Transcript();

        await t.Says(text);

        Assert.That(t.Recognizer.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Report_EmergencyWords_Told113To115WithoutAnIntake()
    {
        var t = new Transcript();

        var replies = await t.Says("Cháy nhà ở hẻm 12 Kỳ Đồng, có người bị kẹt bên trong");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.IntakeEmergency));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.Desk.Tickets, Is.Empty);
    }

    [Test]
    public async Task Draft_CitizenReturnsWithinADay_OfferedBackAndResumedAtTheOpenQuestion()
    {
        var t = new Transcript();
        await t.Says("Cây đổ chắn ngang đường Trần Quốc Thảo sau cơn bão");
        t.Wait(TimeSpan.FromHours(20));

        var back = await t.Says("chào bạn");
        var resumed = await t.Says("Tiếp tục gửi phản ánh");

        Assert.That(back[^1].Text, Does.Contain("Cây đổ chắn ngang đường Trần Quốc Thảo sau cơn bão"));
        Assert.That(back[^1].Titles(), Is.EqualTo(new[] { "Tiếp tục gửi phản ánh", "Bỏ bản nháp" }));
        Assert.That(resumed[0].Text, Is.EqualTo(t.Texts.IntakeResumed));
        Assert.That(resumed[1].Text, Does.StartWith("Đường Trần Quốc Thảo đi qua nhiều phường."));
    }

    [Test]
    public async Task Draft_OlderThanADay_NotOffered()
    {
        var t = new Transcript();
        await t.Says("Cây đổ chắn ngang đường Trần Quốc Thảo sau cơn bão");
        t.Wait(TimeSpan.FromHours(25));

        var back = await t.Says("chào bạn");

        Assert.That(back.AllTitles(), Does.Not.Contain("Tiếp tục gửi phản ánh"));
        Assert.That(t.State.Conversation.Draft, Is.Null);
    }

    [Test]
    public async Task Handoff_MidIntake_StaffSeeTheDraftAndTheCitizenCanContinueLater()
    {
        var t = new Transcript();
        await t.Says(StreetLight);

        var replies = await t.Says("gặp cán bộ");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.HandoffRequested));
        Assert.That(t.Staff.Requests.Single().Message, Is.EqualTo("Phản ánh đang soạn dở – Lĩnh vực: Đường, đèn, cống; Phường: Phường 9; Nội dung: " + StreetLight));
        Assert.That(t.State.Conversation.Draft, Is.Not.Null);
    }

    [Test]
    public async Task Handoff_OutsideOfficeHoursMidIntake_DraftFiledAsATicketInOneTap()
    {
        var t = new Transcript();
        t.Staff.IsOpen = false;
        await t.Says(StreetLight);

        var offer = await t.Says("gặp cán bộ");
        var created = await t.Says(t.Texts.HandoffFileDraftButton);

        Assert.That(offer[0].Titles(), Is.EqualTo(new[] { "Có", "Không", "Gửi thành phản ánh" }));
        Assert.That(created[0].Text, Does.StartWith("Đã tiếp nhận phản ánh của bạn."));
        Assert.That(t.Desk.Tickets.Single().Ticket.Description, Is.EqualTo(StreetLight));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.State.Conversation.Draft, Is.Null);
    }
}
