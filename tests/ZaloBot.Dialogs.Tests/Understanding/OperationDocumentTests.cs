using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

/// <summary>
/// Session 8b: an operation over the document it is applied to (<see cref="RecognizerOptions.OperationDocumentFactor"/>).
/// A small knowledge base made here: an operation entry (tracking) whose exemplars name three documents, three document
/// entries, and a cue entry whose exemplars name no document. These tests pin the mechanism, not the shipped content.
/// </summary>
public class OperationDocumentTests
{
    private const string Thesaurus =
        "concepts:\n"
        + "  topic.marriage: [kết hôn]\n  topic.birth: [khai sinh]\n  topic.business: [hộ kinh doanh]\n"
        + "  topic.ward: [phường]\n  topic.copy: [bản sao]\n"
        + "  label.tra-cuu-ho-so: [ở bước nào, tới đâu rồi]\n"
        + "  label.danh-sach-phuong: [phường mấy]\n"
        + "  label.trich-luc-ho-tich: [bản sao giấy]\n";

    private static FaqEntry Entry(string slug, string question, params string[] phrasings) =>
        new(slug, "Thử", question, phrasings, [], "Trả lời.", NeedsReview: false, Published: true);

    private static RecognizerIndex Index(RecognizerOptions options) => RecognizerIndex.Build(
        [
            Entry("tra-cuu-ho-so", "Tra cứu hồ sơ ở đâu?", "hồ sơ nộp rồi tới đâu rồi", "hồ sơ khai sinh tới đâu rồi", "hồ sơ hộ kinh doanh ở bước nào", "hồ sơ kết hôn nộp tuần trước"),
            Entry("dang-ky-ket-hon", "Đăng ký kết hôn cần giấy tờ gì?", "đăng ký kết hôn làm ở đâu", "đăng ký kết hôn mất bao lâu", "hồ sơ đăng ký kết hôn gồm gì", "kết hôn với người nước ngoài"),
            Entry("dang-ky-khai-sinh", "Đăng ký khai sinh cho con", "làm khai sinh ở đâu", "khai sinh cần giấy tờ gì"),
            Entry("dang-ky-ho-kinh-doanh", "Đăng ký hộ kinh doanh thế nào?", "mở hộ kinh doanh cần gì", "hộ kinh doanh nộp hồ sơ ở đâu"),
            Entry("danh-sach-phuong", "Quận có những phường nào?", "nhà tôi thuộc phường mấy", "danh sách các phường"),
            Entry("chung-thuc-ban-sao", "Chứng thực bản sao ở đâu?", "chứng thực bản sao lấy liền không", "bản sao chứng thực mấy bản"),
            Entry("trich-luc-ho-tich", "Xin trích lục hộ tịch", "trích lục khai sinh", "trích lục kết hôn", "bản sao giấy hộ kinh doanh"),
        ],
        new IntentContent([], ["thời tiết hôm nay", "giá vàng"], []),
        AbbreviationDictionary.Empty,
        options,
        ConceptThesaurus.Parse(Thesaurus));

    private const string TrackingMarriage = "hồ sơ đăng ký kết hôn gồm gì, ở bước nào";

    [Test]
    public void Recognize_OperationCueOverNamedDocument_OperationWins()
    {
        var recognition = Index(new RecognizerOptions()).Recognize(TrackingMarriage);

        Assert.That(recognition.TopLabel, Is.EqualTo("tra-cuu-ho-so"), () => string.Join(", ", recognition.Candidates));
    }

    [Test]
    public void Recognize_OperationCueOverNamedDocument_WithoutTheRule_DocumentWins()
    {
        var recognition = Index(new RecognizerOptions { OperationDocumentFactor = 1 }).Recognize(TrackingMarriage);

        Assert.That(recognition.TopLabel, Is.EqualTo("dang-ky-ket-hon"), () => string.Join(", ", recognition.Candidates));
    }

    [Test]
    public void Recognize_DocumentAlone_DocumentWins()
    {
        // No operation named: the document's own question is untouched.
        var recognition = Index(new RecognizerOptions()).Recognize("đăng ký kết hôn cần giấy tờ gì");

        Assert.That(recognition.TopLabel, Is.EqualTo("dang-ky-ket-hon"));
        Assert.That(recognition.TopConfidence, Is.EqualTo(Index(new RecognizerOptions { OperationDocumentFactor = 1 }).Recognize("đăng ký kết hôn cần giấy tờ gì").TopConfidence));
    }

    [Test]
    public void Recognize_CueOfEntryThatIsNoOperation_DoesNotLowerDocument()
    {
        // danh-sach-phuong has a cue but its exemplars name no other entry's document: its cue is no operation.
        const string Message = "đăng ký kết hôn ở phường mấy";
        var on = Index(new RecognizerOptions()).Recognize(Message);
        var off = Index(new RecognizerOptions { OperationDocumentFactor = 1 }).Recognize(Message);

        Assert.That(on.Candidates.Select(c => (c.Label, c.Confidence)), Is.EqualTo(off.Candidates.Select(c => (c.Label, c.Confidence))));
    }

    [Test]
    public void Recognize_OperationRequiresMinDocuments()
    {
        // With a threshold above the three documents its exemplars name, tracking is no operation: the rule is off.
        var strict = Index(new RecognizerOptions { OperationMinDocuments = 4 }).Recognize(TrackingMarriage);

        Assert.That(strict.TopLabel, Is.EqualTo("dang-ky-ket-hon"));
    }

    [Test]
    public void Recognize_CueWhoseWordsNameTheDocument_DoesNotLowerIt()
    {
        // "bản sao giấy" (an extract cue) holds "bản sao" (the copy entry's topic): no operation against the copy entry.
        const string Message = "chứng thực bản sao giấy tờ ở đâu";
        var on = Index(new RecognizerOptions()).Recognize(Message);
        var withoutGuard = Index(new RecognizerOptions { OperationCueOwnWords = false }).Recognize(Message);

        Assert.That(on.TopLabel, Is.EqualTo("chung-thuc-ban-sao"), () => string.Join(", ", on.Candidates));
        Assert.That(
            on.Candidates.First(c => c.Label == "chung-thuc-ban-sao").Confidence,
            Is.GreaterThanOrEqualTo(withoutGuard.Candidates.FirstOrDefault(c => c.Label == "chung-thuc-ban-sao")?.Confidence ?? 0));
    }

    [Test]
    public void Validate_OperationOptionsOutOfRange_Throw()
    {
        Assert.Throws<ArgumentException>(() => new RecognizerOptions { OperationDocumentFactor = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new RecognizerOptions { ConceptOwnerShare = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new RecognizerOptions { OperationMinDocuments = -1 }.Validate());
    }
}
