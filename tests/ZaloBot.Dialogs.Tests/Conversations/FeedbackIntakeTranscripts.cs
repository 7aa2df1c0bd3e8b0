using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Conversations;

public class FeedbackIntakeTranscripts
{
    private const string Description = "Vỉa hè trước số 12 Trần Quốc Thảo bị lấn chiếm suốt 3 tháng nay";

    [Test]
    public async Task Intake_HappyPathWithPhotosLocationAndZaloForm_CreatesTicketWithCodeAndDueDate()
    {
        var t = new Transcript();

        var category = await t.Says("Gửi phản ánh");
        Assert.That(category[0].Text, Is.EqualTo("Bạn muốn phản ánh về lĩnh vực nào?"));
        Assert.That(category.AllTitles(), Is.EqualTo(new[] { "Thủ tục hành chính", "Trật tự đô thị", "Vệ sinh môi trường", "Đường, đèn, cống", "Thái độ cán bộ", "Khiếu nại, tố cáo", "Khẩn cấp" }));
        Assert.That(category.Select(m => m.Buttons.Count), Is.EqualTo(new[] { 5, 2 }));

        var ward = await t.Says("trat tu do thi");
        Assert.That(ward[0].Text, Is.EqualTo(t.Texts.IntakeWardPrompt));
        Assert.That(ward.AllTitles(), Has.Count.EqualTo(12));
        Assert.That(ward.AllTitles(), Does.Contain("Phường Võ Thị Sáu"));

        var description = await t.Says("vo thi sau");
        Assert.That(description[0].Text, Does.StartWith("Bạn mô tả sự việc"));

        // Photos and the location are no longer questions of their own: taken whenever they come, the open question asked again.
        var contact = await t.Says(Description);
        Assert.That(contact[0].InfoRequest, Is.Not.Null);
        Assert.That(contact[0].InfoRequest!.Title, Is.EqualTo(t.Texts.IntakeContactFormTitle));
        Assert.That(contact[0].Text, Does.Contain("bạn đồng ý để UBND Quận 3 dùng họ tên và số điện thoại"));
        Assert.That(contact[0].Titles(), Is.EqualTo(new[] { "Bỏ qua" }));

        var firstPhoto = await t.SendsImages("https://zdn.vn/1.jpg");
        Assert.That(firstPhoto[0].Text, Does.StartWith("Đã nhận 1/3 ảnh.\n" + t.Texts.IntakeContactPrompt));

        await t.SendsImages("https://zdn.vn/2.jpg");
        var location = await t.SendsLocation(10.7797, 106.6880);
        Assert.That(location[0].Text, Does.StartWith("Đã nhận vị trí."));

        var summary = await t.SubmitsInfo("Nguyễn Văn An", "84912345678");
        Assert.That(summary[0].Text, Is.EqualTo(
            "Bạn kiểm tra lại phản ánh:\n" +
            "• Lĩnh vực: Trật tự đô thị\n" +
            "• Phường: Phường Võ Thị Sáu\n" +
            "• Nội dung: " + Description + "\n" +
            "• Hình ảnh: 2 ảnh\n" +
            "• Vị trí: Đã chia sẻ vị trí\n" +
            "• Liên hệ: Nguyễn Văn An – 091****678\n" +
            "Bạn có thể gửi thêm ảnh hoặc vị trí trước khi gửi. Bạn có muốn gửi phản ánh này không?"));
        Assert.That(summary[0].Titles(), Is.EqualTo(new[] { "Xác nhận gửi", "Sửa lĩnh vực", "Sửa phường", "Sửa nội dung", "Hủy" }));

        var created = await t.Says("Xác nhận gửi");

        Assert.That(created[0].Text, Does.StartWith("Đã tiếp nhận phản ánh của bạn. Mã phản ánh: PA-2026-000123."));
        Assert.That(created[0].Text, Does.Contain("Hạn trả lời dự kiến: 10/12/2026."));
        Assert.That(t.Desk.Tickets, Has.Count.EqualTo(1));
        var ticket = t.Desk.Tickets[0].Ticket;
        Assert.That(ticket.CategoryCode, Is.EqualTo("tt-do-thi"));
        Assert.That(ticket.WardCode, Is.EqualTo("vts"));
        Assert.That(ticket.Description, Is.EqualTo(Description));
        Assert.That(ticket.Photos.Select(p => p.Url), Is.EqualTo(new[] { "https://zdn.vn/1.jpg", "https://zdn.vn/2.jpg" }));
        Assert.That(ticket.Location, Is.EqualTo(new GeoLocation(10.7797, 106.6880, null)));
        Assert.That(ticket.ContactName, Is.EqualTo("Nguyễn Văn An"));
        Assert.That(ticket.ContactPhone, Is.EqualTo("0912345678"));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
    }

    [Test]
    public async Task Intake_StartedByReportNamingTheCategory_KeepsItAsDescriptionAndAsksOnlyTheWard()
    {
        // Changed by issue 13 ("say it once"): the report is the description draft and its words name the category.
        var t = new Transcript();

        var replies = await t.Says("tôi muốn phản ánh việc lấn chiếm vỉa hè trước nhà");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.IntakeWardPrompt));
        var draft = FeedbackIntakeDialog.DraftOf(t.State.Conversation.DialogStack[0])!;
        Assert.That((draft.CategoryCode, draft.CategoryInferred, draft.Description), Is.EqualTo(("tt-do-thi", true, "tôi muốn phản ánh việc lấn chiếm vỉa hè trước nhà")));
    }

    [Test]
    public async Task Intake_CategoryByNumberAndWardByNumber_TakesWardNumberNotPosition()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("2");

        await t.Says("9");
        await t.Says(Description);
        var summary = await t.Says("bỏ qua");

        Assert.That(summary[0].Text, Does.Contain("• Lĩnh vực: Trật tự đô thị"));
        Assert.That(summary[0].Text, Does.Contain("• Phường: Phường 9"));
        Assert.That(summary[0].Text, Does.Contain("• Liên hệ: Chỉ trả lời qua Zalo"));
        Assert.That(summary[0].Text, Does.Contain("• Hình ảnh: Không có"));
    }

    [Test]
    public async Task Intake_InvalidAnswers_RepromptWithSpecificErrors()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");

        var badCategory = await t.Says("chuyện nhà hàng xóm");
        Assert.That(badCategory[0].Text, Is.EqualTo(t.Texts.IntakeCategoryRetry));
        Assert.That(badCategory.AllTitles(), Has.Count.EqualTo(7));

        await t.Says("Vệ sinh môi trường");
        var badWard = await t.Says("Phường 7");
        Assert.That(badWard[0].Text, Is.EqualTo(t.Texts.IntakeWardRetry));

        await t.Says("p9");
        var tooShort = await t.Says("rác");
        Assert.That(tooShort.Texts(), Is.EqualTo(new[] { "Nội dung hơi ngắn, bạn mô tả cụ thể hơn giúp mình (ít nhất 20 ký tự): việc gì, ở đâu, từ khi nào." }));

        var tooLong = await t.Says(new string('x', 1501));
        Assert.That(tooLong[0].Text, Is.EqualTo("Nội dung dài 1501 ký tự, vượt quá 1500 ký tự. Bạn rút gọn giúp mình nhé."));

        await t.Says("Rác để ở góc đường Bà Huyện Thanh Quan ba ngày chưa thu gom");
        var badPhone = await t.Says("số tôi là 12345");
        Assert.That(badPhone[0].Text, Is.EqualTo(t.Texts.PromptPhoneInvalid));
        Assert.That(badPhone[0].InfoRequest, Is.Not.Null);

        var summary = await t.Says("sđt của tôi: +84 912 345 678 nhé");
        Assert.That(summary[0].Text, Does.Contain("• Liên hệ: 091****678"));

        var unclear = await t.Says("để mình nghĩ đã");
        Assert.That(unclear[0].Text, Does.StartWith(t.Texts.IntakeConfirmRetry));
        Assert.That(unclear[0].Titles(), Is.EqualTo(new[] { "Xác nhận gửi", "Sửa lĩnh vực", "Sửa phường", "Sửa nội dung", "Hủy" }));

        var ok = await t.Says("ok");
        Assert.That(ok[0].Text, Does.StartWith("Đã tiếp nhận phản ánh của bạn."));
        Assert.That(t.Desk.Tickets, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Intake_ThreeInvalidCategories_ExplainsOnceMoreOffersAPersonAndKeepsTheDraft()
    {
        // Changed by issue 13 ("no dead ends"): the intake no longer gives up and drops what was typed.
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("abc");
        await t.Says("xyz");

        var replies = await t.Says("???");
        var chosen = await t.Says("Trật tự đô thị");

        Assert.That(replies[0].Text, Does.StartWith(t.Texts.IntakeStillUnclear));
        Assert.That(replies.AllTitles(), Does.Contain("Gặp cán bộ").And.Contain("Trật tự đô thị"));
        Assert.That(chosen[0].Text, Is.EqualTo(t.Texts.IntakeWardPrompt));
        Assert.That(t.State.Conversation.DialogStack, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Intake_ComplaintCategory_ToldLegalRouteAndNoTicket()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");

        var replies = await t.Says("khiếu nại");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.IntakeComplaintRoute }));
        Assert.That(replies[0].Text, Does.Contain("Luật Khiếu nại và Luật Tố cáo"));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.Desk.Tickets, Is.Empty);
    }

    [Test]
    public async Task Intake_EmergencyCategory_ToldToCall113To115()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");

        var replies = await t.Says("Khẩn cấp");

        Assert.That(replies[0].Text, Does.Contain("113 (Công an), 114 (Cứu hỏa, cứu nạn), 115 (Cấp cứu y tế)"));
        Assert.That(replies[0].Buttons.Select(b => (b.Kind, b.Payload)), Is.EqualTo(new[] { (ButtonKind.OpenPhone, "113"), (ButtonKind.OpenPhone, "114"), (ButtonKind.OpenPhone, "115") }));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
    }

    [Test]
    public async Task Intake_AnswerNoAtConfirm_CancelledWithoutTicket()
    {
        var t = new Transcript();
        await t.FillIntakeUpToConfirm();

        var replies = await t.Says("Hủy");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.Cancelled));
        Assert.That(t.Desk.Tickets, Is.Empty);
    }

    [Test]
    public async Task Intake_NoAtConfirm_SaysNotSent()
    {
        var t = new Transcript();
        await t.FillIntakeUpToConfirm();

        var replies = await t.Says("không");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.IntakeCancelled }));
        Assert.That(t.Desk.Tickets, Is.Empty);
    }

    [TestCase("hủy")]
    [TestCase("Thôi")]
    [TestCase("huy")]
    [TestCase("thôi không gửi nữa")]
    public async Task Intake_CancelInTheMiddle_StopsWithoutTicket(string cancel)
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        await t.Says("Phường 1");

        var replies = await t.Says(cancel);

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.Cancelled }));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.Desk.Tickets, Is.Empty);
    }

    [Test]
    public async Task Intake_LongDescriptionMentioningCancelWords_IsNotAnInterruption()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        await t.Says("Phường 1");

        var replies = await t.Says("Quán nhậu hát karaoke tới khuya, tôi nhắc thôi đừng hát mà họ không nghe, không gửi nữa thì không ngủ được");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.IntakeContactPrompt));
    }

    [Test]
    public async Task Intake_MenuInTheMiddle_ShowsMenuAndOffersToContinue()
    {
        // Changed by issue 13 ("detours"): the menu no longer drops the intake.
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");

        var replies = await t.Says("menu");
        var next = await t.Says("Phường 3");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.MenuPrompt));
        Assert.That(replies[1].Text, Is.EqualTo("Tiếp tục gửi phản ánh? " + t.Texts.IntakeWardPrompt));
        Assert.That(next[0].Text, Does.StartWith("Bạn mô tả sự việc"));
    }

    [Test]
    public async Task Intake_GreetingInTheMiddle_GreetsAndRepromptsSameStep()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");

        var replies = await t.Says("xin chào");
        var next = await t.Says("Phường 3");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.InterruptedGreeting));
        Assert.That(replies[1].Text, Is.EqualTo("Tiếp tục gửi phản ánh? " + t.Texts.IntakeWardPrompt));
        Assert.That(next[0].Text, Does.StartWith("Bạn mô tả sự việc"));
    }

    [Test]
    public async Task Intake_HandoffInTheMiddle_DropsIntakeAndRequestsStaff()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");

        var replies = await t.Says("gặp cán bộ");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.HandoffRequested }));
        Assert.That(t.Staff.Requests, Has.Count.EqualTo(1));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
    }

    [Test]
    public async Task Intake_OldFaqButtonTappedInTheMiddle_AnswersThenRepromptsSameStep()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");

        var replies = await t.Says("#faq:dang-ky-khai-sinh");

        Assert.That(replies.Select(r => r.Text).First(), Does.Contain("giấy chứng sinh"));
        Assert.That(replies.Select(r => r.Text), Does.Contain("Tiếp tục gửi phản ánh? " + t.Texts.IntakeWardPrompt));
        Assert.That(t.State.Conversation.DialogStack, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Intake_IdleBeyondTimeout_KeepsTheDraftAndOffersItBack()
    {
        // Changed by issue 13: a draft is kept for Bot:DraftLifetime (24 h) and offered back instead of "expired".
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        t.Wait(TimeSpan.FromMinutes(31));

        var replies = await t.Says("Phường 9");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.MenuPrompt));
        Assert.That(replies[1].Titles(), Is.EqualTo(new[] { "Tiếp tục gửi phản ánh", "Bỏ bản nháp" }));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.Signals.Unanswered, Is.Empty);
    }

    [Test]
    public async Task Intake_IdleBeyondTimeoutThenRealQuestion_SaysExpiredAndAnswers()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        t.Wait(TimeSpan.FromHours(5));

        var replies = await t.Says("làm khai sinh cần gì");

        Assert.That(replies[0].Text, Is.EqualTo(t.Texts.Expired));
        Assert.That(replies[1].Text, Does.Contain("giấy chứng sinh"));
    }

    [Test]
    public async Task Intake_IdleWithinTimeout_ResumesWhereItWas()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        t.Wait(TimeSpan.FromMinutes(29));

        var replies = await t.Says("Phường 9");

        Assert.That(replies[0].Text, Does.StartWith("Bạn mô tả sự việc"));
    }

    [Test]
    public async Task Intake_ConfirmTurnRerunAfterSaveConflict_SameTicketNotASecondOne()
    {
        var t = new Transcript();
        await t.FillIntakeUpToConfirm();
        var stored = t.StateJson;
        var confirm = Activity.Message(t.UserId, "zalo-confirm-1", t.Time.GetUtcNow(), "Xác nhận gửi");

        // First run loses the version check (its state, replies and effects are not committed) ...
        var lost = await t.RunOn(stored, confirm);

        // ... and the web app re-runs the turn on the state it reads again; only that result is applied.
        var rerun = await t.RunOn(stored, confirm);
        var sent = t.Apply(rerun);

        Assert.That(lost.Replies[0].Text, Is.EqualTo(rerun.Replies[0].Text));
        Assert.That(sent[0].Text, Does.Contain("PA-2026-000123"));
        Assert.That(t.Desk.Tickets, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Intake_ConfirmButtonTappedAgainAfterSending_SaysAlreadySent()
    {
        var t = new Transcript();
        await t.FillIntakeUpToConfirm();
        await t.Says("Xác nhận gửi");

        var replies = await t.Says("xac nhan gui");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { "Phản ánh của bạn đã được gửi trước đó với mã PA-2026-000123. Bạn không cần gửi lại." }));
        Assert.That(t.Desk.Tickets, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Intake_DescriptionWithPhoneNumber_SummaryMasksIt()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        await t.Says("Phường 9");
        await t.Says("Quán trước nhà lấn chiếm vỉa hè, chủ quán số 0987 654 321");

        var summary = await t.Says("Bỏ qua");

        Assert.That(summary[0].Text, Does.Contain("chủ quán số 098****321"));
        Assert.That(summary[0].Text, Does.Not.Contain("0987 654 321"));
        Assert.That(summary[0].Text, Has.Length.LessThanOrEqualTo(2000));
    }

    [Test]
    public async Task Intake_FourPhotos_KeepsThreeAndAsksTheOpenQuestion()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        await t.Says("Phường 9");
        await t.Says(Description);

        var replies = await t.SendsImages("https://zdn.vn/1.jpg", "https://zdn.vn/2.jpg", "https://zdn.vn/3.jpg", "https://zdn.vn/4.jpg");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { "Đã nhận 3/3 ảnh.\n" + t.Texts.IntakeContactPrompt }));
    }

    [Test]
    public async Task Intake_StateBetweenEveryStep_SurvivesProcessRestart()
    {
        // The transcript adapter already rebuilds state from JSON each turn; a new engine instance proves no in-memory leftovers matter.
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        var fresh = new Transcript(idPrefix: "after-restart") { StateJson = t.StateJson };

        var replies = await fresh.Says("Phường 9");

        Assert.That(replies[0].Text, Does.StartWith("Bạn mô tả sự việc"));
    }

    [Test]
    public async Task Intake_RecognizerCallsPromptAnswersCancel_PromptAnswersStillWin()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        await t.Says("Phường 9");
        await t.Says(Description);
        t.Recognizer.Override = _ => new ZaloBot.Dialogs.Understanding.Recognition(
            ZaloBot.Dialogs.Understanding.RecognitionDecision.Answer, [new ZaloBot.Dialogs.Understanding.RecognitionCandidate("intent:cancel", 0.9)]);

        var replies = await t.Says("không có");

        Assert.That(replies[0].Text, Does.StartWith("Bạn kiểm tra lại phản ánh:"));
    }
}
