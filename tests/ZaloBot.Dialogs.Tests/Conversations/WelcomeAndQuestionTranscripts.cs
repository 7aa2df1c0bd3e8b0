using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Conversations;

public class WelcomeAndQuestionTranscripts
{
    private static readonly string[] MenuTitles = ["Đặt câu hỏi", "Dịch vụ công", "Gửi phản ánh", "Tra cứu phản ánh", "Gặp cán bộ"];

    [Test]
    public async Task Follow_NewFollower_GreetsWithMainMenu()
    {
        var t = new Transcript();

        var replies = await t.Event(ActivityType.Follow);

        Assert.That(replies, Has.Count.EqualTo(1));
        Assert.That(replies[0].Text, Does.StartWith("Xin chào!"));
        Assert.That(replies[0].Titles(), Is.EqualTo(MenuTitles));
        Assert.That(replies[0].Buttons.All(b => b.Kind == ButtonKind.QueryShow && b.Payload == b.Title), Is.True);
    }

    [TestCase("alo")]
    [TestCase("Xin chào")]
    [TestCase("chao")]
    public async Task Greeting_AtTopLevel_GreetsWithMainMenu(string text)
    {
        var t = new Transcript();

        var replies = await t.Says(text);

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.Welcome }));
        Assert.That(replies[0].Titles(), Is.EqualTo(MenuTitles));
    }

    [Test]
    public async Task MenuAsk_Tapped_InvitesAQuestion()
    {
        var t = new Transcript();

        var replies = await t.Says("dat cau hoi");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.AskPrompt }));
    }

    [Test]
    public async Task MenuServices_Tapped_ShowsServiceTopicsAsHiddenFaqButtons()
    {
        var t = new Transcript();

        var replies = await t.Says("Dịch vụ công");
        var answer = await t.Says(replies[0].Buttons[0].Payload);

        Assert.That(replies[0].Buttons, Has.Count.EqualTo(5));
        Assert.That(replies[0].Buttons[0].Payload, Is.EqualTo("#faq:nop-ho-so-truc-tuyen"));
        Assert.That(answer[0].Text, Does.Contain("cổng dịch vụ công"));
    }

    [Test]
    public async Task Question_Answered_SendsAnswerRelatedQuestionsAndHelpfulVote()
    {
        var t = new Transcript();

        var replies = await t.Says("Làm khai sinh cho con cần gì ạ");

        Assert.That(replies, Has.Count.EqualTo(2));
        Assert.That(replies[0].Text, Does.Contain("giấy chứng sinh"));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "Xin trích lục hộ tịch ở đâu?", "Đăng ký kết hôn thế nào?" }));
        Assert.That(replies[0].Buttons[0].Payload, Is.EqualTo("#faq:trich-luc-ho-tich"));
        Assert.That(replies[1].Text, Is.EqualTo("Câu trả lời có hữu ích không ạ?"));
        Assert.That(replies[1].Buttons.Select(b => b.Payload), Is.EqualTo(new[] { "#vote:dang-ky-khai-sinh:up", "#vote:dang-ky-khai-sinh:down" }));
    }

    [Test]
    public async Task Question_RelatedButtonTapped_AnswersThatQuestion()
    {
        var t = new Transcript();
        await t.Says("khai sinh");

        var replies = await t.Says("#faq:trich-luc-ho-tich");

        Assert.That(replies[0].Text, Does.Contain("trích lục"));
    }

    [Test]
    public async Task Vote_ThumbsUpAndDown_RecordedOnceEachWithReply()
    {
        var t = new Transcript();
        await t.Says("khai sinh");

        var up = await t.Says("#vote:dang-ky-khai-sinh:up");
        var down = await t.Says("#vote:dang-ky-khai-sinh:down");

        Assert.That(t.Signals.Votes, Is.EqualTo(new[] { ("dang-ky-khai-sinh", true), ("dang-ky-khai-sinh", false) }));
        Assert.That(up.Texts(), Is.EqualTo(new[] { t.Texts.FaqVoteThanks }));
        Assert.That(down[0].Titles(), Is.EqualTo(new[] { "Gửi phản ánh", "Gặp cán bộ" }));
    }

    [Test]
    public async Task Question_Unclear_OffersCandidatesAndNotThis()
    {
        var t = new Transcript();

        var replies = await t.Says("giấy tờ cần những gì");

        Assert.That(replies, Has.Count.EqualTo(1));
        Assert.That(replies[0].Text, Is.EqualTo("Có phải bạn muốn hỏi:"));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "Đăng ký khai sinh cần gì?", "Đăng ký kết hôn thế nào?", "Gửi phản ánh", "Không phải" }));
        Assert.That(replies[0].Buttons[0].Kind, Is.EqualTo(ButtonKind.QueryHide));
    }

    [Test]
    public async Task Question_UnclearThenNotThis_RecordsUnansweredAndOffersHelp()
    {
        var t = new Transcript();
        await t.Says("giấy tờ cần những gì");

        var replies = await t.Says("Không phải");

        Assert.That(t.Signals.Unanswered, Is.EqualTo(new[] { "giấy tờ cần những gì" }));
        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.Unknown }));
    }

    [Test]
    public async Task Question_Unknown_AdmitsRecordsAndOffersFeedbackOrStaff()
    {
        var t = new Transcript();

        var replies = await t.Says("giá vàng hôm nay bao nhiêu");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.Unknown }));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "Gửi phản ánh", "Gặp cán bộ" }));
        Assert.That(t.Signals.Unanswered, Is.EqualTo(new[] { "giá vàng hôm nay bao nhiêu" }));
    }

    [Test]
    public async Task Question_OtherAgencysBusiness_SaysWhoHandlesItAndRecords()
    {
        var t = new Transcript();
        var referral = new ReferralEntry("ho-chieu", "Hộ chiếu", ["hộ chiếu"], "Hộ chiếu do Phòng Quản lý xuất nhập cảnh giải quyết.", true);
        t.Recognizer.Override = _ => new Recognition(RecognitionDecision.None, []) { Referral = referral };

        var replies = await t.Says("làm hộ chiếu ở đâu");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { referral.Reply }));
        Assert.That(replies[0].Titles(), Is.EqualTo(new[] { "Gửi phản ánh", "Gặp cán bộ" }));
        Assert.That(t.Signals.Unanswered, Is.EqualTo(new[] { "làm hộ chiếu ở đâu" }));
    }

    [Test]
    public async Task Question_UnknownSlugFromRecognizer_FallsBackToUnknown()
    {
        var t = new Transcript();
        t.Recognizer.Answer("hon nhan", "xac-nhan-tinh-trang-hon-nhan");

        var replies = await t.Says("xác nhận tình trạng hôn nhân");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.Unknown }));
    }

    [Test]
    public async Task Cancel_AtTopLevel_SaysNothingToCancel()
    {
        var t = new Transcript();

        var replies = await t.Says("hủy");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.NothingToCancel }));
    }

    [Test]
    public async Task Image_AtTopLevel_SuggestsSendingFeedback()
    {
        var t = new Transcript();

        var replies = await t.SendsImages("https://zdn.vn/a.jpg");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.AttachmentAtTop }));
    }

    [Test]
    public async Task Unfollow_MidIntake_DropsConversationSilentlyAndEndsTheCchcSubscription()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");

        var replies = await t.Event(ActivityType.Unfollow);

        Assert.That(replies, Is.Empty);
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.Signals.CchcUnsubscribed, Is.EqualTo(new[] { t.UserId }), "Zalo answers -213 to sends after an unfollow");
    }

    [Test]
    public async Task Question_NotThisAfterAnotherMessage_DoesNotRecordTheOldQuestion()
    {
        var t = new Transcript();
        await t.Says("giấy tờ cần những gì");
        await t.Says("#faq:dang-ky-khai-sinh");

        var replies = await t.Says("Không phải");

        // Changed by issue 13: a short reply outside a question ("không phải", "ok", "có") is not a question for the
        // FAQ matcher and is not recorded as unanswered; the menu is shown.
        Assert.That(t.Signals.Unanswered, Is.Empty);
        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.MenuPrompt }));
    }

    [Test]
    public async Task Sticker_AtTopLevel_ShowsMenuPolitely()
    {
        var t = new Transcript();

        var replies = await t.Send(new Activity
        {
            Type = ActivityType.Message,
            UserId = t.UserId,
            MessageId = "sticker-1",
            Timestamp = t.Time.GetUtcNow(),
            Attachments = [new MessageAttachment(AttachmentKind.Sticker, "https://zdn.vn/sticker.png")],
        });

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.MenuPrompt }));
    }
}
