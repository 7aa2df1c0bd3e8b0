using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class RecognizerIndexTests
{
    private static FaqEntry Entry(string slug, string question, params string[] phrasings) =>
        new(slug, "Thử", question, phrasings, [], "Trả lời.", NeedsReview: false, Published: true);

    /// <summary>A small knowledge base made here, so these tests pin the mechanism, not the shipped content.</summary>
    private static RecognizerIndex SmallIndex(RecognizerOptions? options = null) => RecognizerIndex.Build(
        [
            Entry("dang-ky-khai-sinh", "Đăng ký khai sinh cho con ở đâu?", "làm giấy khai sinh cần gì", "khai sinh cho bé mới sinh"),
            Entry("dang-ky-ket-hon", "Đăng ký kết hôn cần giấy tờ gì?", "làm giấy kết hôn ở phường", "thủ tục kết hôn"),
            Entry("giay-phep-xay-dung", "Xin giấy phép xây dựng nhà ở thế nào?", "sửa nhà có cần xin phép không", "xây nhà mới cần giấy phép"),
            Entry("an-entry-not-published", "Câu hỏi nháp về lịch tiếp dân", "lịch tiếp dân") with { Published = false },
        ],
        new IntentContent(
            [
                new IntentDefinition("intent:greeting", ["xin chào", "chào ad", "alo"]),
                new IntentDefinition("intent:status", ["phản ánh của tôi xử lý chưa", "PA-2026-000001"]),
            ],
            ["làm hộ chiếu ở đâu", "giá vàng hôm nay", "cảm ơn"],
            ["ạ", "cho", "hỏi", "tôi"]),
        AbbreviationDictionary.Create(new Dictionary<string, string> { ["ks"] = "khai sinh", ["k"] = "không" }),
        options ?? new RecognizerOptions());

    [TestCase("Đăng ký khai sinh cho con ở phường nào?", "dang ky khai sinh cho con o phuong nao?")]
    [TestCase("Sửa nhà có cần xin giấy phép không ạ", "sua nha co can xin giay phep khong a")]
    [TestCase("thủ tục đăng ký kết hôn", "THU TUC DANG KY KET HON")]
    public void Recognize_AccentFreeMessage_ScoresLikeAccented(string accented, string plain)
    {
        var index = SmallIndex();

        var withMarks = index.Recognize(accented);
        var without = index.Recognize(plain);

        Assert.That(without.TopLabel, Is.EqualTo(withMarks.TopLabel));
        Assert.That(without.Decision, Is.EqualTo(withMarks.Decision));
        Assert.That(without.TopConfidence, Is.EqualTo(withMarks.TopConfidence).Within(1e-9));
    }

    [TestCase("dang ki khai sinh cho con", "dang-ky-khai-sinh")]
    [TestCase("lam giay khai sinnh", "dang-ky-khai-sinh")]
    [TestCase("thu tuc ket hhon", "dang-ky-ket-hon")]
    [TestCase("xin giay phep xay dugn nha", "giay-phep-xay-dung")]
    public void Recognize_Typo_StillFindsTheEntry(string message, string expected)
    {
        Assert.That(SmallIndex().Recognize(message).TopLabel, Is.EqualTo(expected));
    }

    [Test]
    public void Recognize_Shorthand_ExpandedBeforeMatching()
    {
        Assert.That(SmallIndex().Recognize("lam ks cho be").TopLabel, Is.EqualTo("dang-ky-khai-sinh"));
    }

    [Test]
    public void Recognize_StoryWithFinalQuestion_TheQuestionDecides()
    {
        var message = "Nhà tôi đang sửa, thợ xây làm cả tuần nay. Vợ tôi vừa sinh bé thứ hai. Cho tôi hỏi làm giấy khai sinh cho bé ở đâu?";

        Assert.That(SmallIndex().Recognize(message).TopLabel, Is.EqualTo("dang-ky-khai-sinh"));
    }

    [Test]
    public void Recognize_WithoutQuestionWeighting_StoryPullsTowardsTheContext()
    {
        var message = "Nhà tôi đang sửa nhà, xin giấy phép xây dựng, thợ xây làm cả tuần. Cho tôi hỏi làm khai sinh ở đâu?";
        var weighted = SmallIndex().Recognize(message);
        var flat = SmallIndex(new RecognizerOptions { ContextSentenceWeight = 1.0 }).Recognize(message);

        Assert.That(weighted.TopLabel, Is.EqualTo("dang-ky-khai-sinh"));
        Assert.That(flat.TopLabel, Is.EqualTo("giay-phep-xay-dung"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("👍")]
    [TestCase("?????")]
    [TestCase("zxqwv")]
    public void Recognize_NoKnownFeature_NoneWithoutCandidates(string message)
    {
        var recognition = SmallIndex().Recognize(message);

        Assert.That(recognition.Decision, Is.EqualTo(RecognitionDecision.None));
        Assert.That(recognition.TopLabel, Is.EqualTo(Recognition.None));
        Assert.That(recognition.Candidates, Is.Empty);
    }

    [Test]
    public void Recognize_OutOfScopeExemplarWins_DecisionNone()
    {
        var recognition = SmallIndex().Recognize("làm hộ chiếu mất bao lâu");

        Assert.That(recognition.Decision, Is.EqualTo(RecognitionDecision.None));
        Assert.That(recognition.TopLabel, Is.EqualTo(Recognition.None));
        Assert.That(recognition.Candidates.Select(c => c.Label), Does.Not.Contain(Recognition.None));
    }

    [Test]
    public void Recognize_AnyTicketCode_MatchesStatusPhrasingWithACode()
    {
        Assert.That(SmallIndex().Recognize("pa 2025 004321").TopLabel, Is.EqualTo("intent:status"));
        Assert.That(SmallIndex().Recognize("mã 004321").TopLabel, Is.EqualTo("intent:status"));
    }

    [Test]
    public void Recognize_ClearQuestion_AnswersWithConfidenceAboveThreshold()
    {
        var options = new RecognizerOptions();
        var recognition = SmallIndex(options).Recognize("đăng ký kết hôn cần giấy tờ gì");

        Assert.That(recognition.Decision, Is.EqualTo(RecognitionDecision.Answer));
        Assert.That(recognition.TopConfidence, Is.GreaterThanOrEqualTo(options.AnswerThreshold).And.LessThanOrEqualTo(1.0));
        Assert.That(recognition.Candidates.Select(c => c.Confidence), Is.Ordered.Descending);
    }

    [Test]
    public void Recognize_MaxCandidates_Respected()
    {
        var recognition = SmallIndex(new RecognizerOptions { MaxCandidates = 2 }).Recognize("giấy tờ đăng ký kết hôn khai sinh xây dựng");

        Assert.That(recognition.Candidates, Has.Count.EqualTo(2));
    }

    [Test]
    public void Build_UnpublishedEntry_NeverReturned()
    {
        var index = SmallIndex();

        Assert.That(index.Labels, Does.Not.Contain("an-entry-not-published"));
        Assert.That(index.Recognize("lịch tiếp dân").Candidates.Select(c => c.Label), Does.Not.Contain("an-entry-not-published"));
    }

    [Test]
    public void Build_InvalidOptions_Throws()
    {
        Assert.That(() => SmallIndex(new RecognizerOptions { ClarifyThreshold = 0.8, AnswerThreshold = 0.5 }), Throws.ArgumentException);
        Assert.That(() => SmallIndex(new RecognizerOptions { MaxCandidates = 0 }), Throws.ArgumentException);
    }

    [Test]
    public void Recognize_CalledFromManyThreads_SameResults()
    {
        var index = SmallIndex();
        var messages = new[] { "khai sinh cho con", "xin chào", "sửa nhà xin phép", "giá vàng" };
        var expected = messages.Select(m => index.Recognize(m).TopLabel).ToArray();

        var results = Enumerable.Range(0, 400).AsParallel().Select(i => index.Recognize(messages[i % 4]).TopLabel == expected[i % 4]).ToList();

        Assert.That(results, Is.All.True);
    }
}
