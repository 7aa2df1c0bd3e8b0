using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

/// <summary>
/// Session 8: another agency's word as the document of an office procedure ("sao y căn cước"), and messages with no
/// known word. A small knowledge base made here, so these tests pin the mechanism, not the shipped content.
/// </summary>
public class DocumentProcedureTests
{
    private const string Thesaurus =
        "concepts:\n  topic.copy: [sao y, chứng thực]\n  topic.contact: [số điện thoại]\ndocument_procedures: [topic.copy]\n";

    private static FaqEntry Entry(string slug, string question, params string[] phrasings) =>
        new(slug, "Thử", question, phrasings, [], "Trả lời.", NeedsReview: false, Published: true);

    private static RecognizerIndex Index(RecognizerOptions options, string thesaurus = Thesaurus) => RecognizerIndex.Build(
        [
            Entry("chung-thuc-ban-sao", "Chứng thực bản sao ở đâu?", "sao y giấy tờ mất bao lâu", "chứng thực bản sao lệ phí bao nhiêu"),
            Entry("lien-he-van-phong", "Số điện thoại văn phòng ủy ban", "xin số điện thoại ủy ban quận"),
        ],
        new IntentContent([], ["làm căn cước ở đâu", "đổi căn cước hết bao lâu", "căn cước gắn chip"], []),
        AbbreviationDictionary.Empty,
        options,
        ConceptThesaurus.Parse(thesaurus),
        [new ReferralEntry("can-cuoc", "Căn cước", ["căn cước"], "Công an phường.", NeedsReview: true)]);

    [Test]
    public void Recognize_ReferralWordAsDocumentOfProcedure_ProcedureWins()
    {
        var recognition = Index(new RecognizerOptions()).Recognize("sao y căn cước");

        Assert.That(recognition.TopLabel, Is.EqualTo("chung-thuc-ban-sao"), () => string.Join(", ", recognition.Candidates));
        Assert.That(recognition.Decision, Is.Not.EqualTo(RecognitionDecision.None));
    }

    [Test]
    public void Recognize_ReferralWordAsDocument_WithoutTheRule_None()
    {
        var recognition = Index(new RecognizerOptions { ReferralObjectNoneFactor = 1 }).Recognize("sao y căn cước");

        Assert.That(recognition.TopLabel, Is.EqualTo(Recognition.None));
        Assert.That(recognition.Referral?.Key, Is.EqualTo("can-cuoc"));
    }

    [Test]
    public void Recognize_ProcedureNotListedInDocumentProcedures_None()
    {
        // Only the concepts listed in document_procedures make a referral word the document of a procedure.
        var index = Index(new RecognizerOptions(), Thesaurus.Replace("document_procedures: [topic.copy]", "document_procedures: []", StringComparison.Ordinal));

        Assert.That(index.Recognize("sao y căn cước").TopLabel, Is.EqualTo(Recognition.None));
    }

    [Test]
    public void Recognize_ReferralWordAlone_None()
    {
        var recognition = Index(new RecognizerOptions()).Recognize("làm căn cước cho con");

        Assert.That(recognition.TopLabel, Is.EqualTo(Recognition.None));
        Assert.That(recognition.Referral?.Key, Is.EqualTo("can-cuoc"));
    }

    [Test]
    public void Recognize_NoKnownWordOnlySharedTrigrams_NoneWithoutCandidates()
    {
        // "chứngthựcc" shares character trigrams with "chứng thực" but is no word of the index (nor one edit away).
        var message = "chungthucc saoyy";
        var strict = Index(new RecognizerOptions()).Recognize(message);
        var lenient = Index(new RecognizerOptions { RequireKnownWord = false }).Recognize(message);

        Assert.That(strict.Decision, Is.EqualTo(RecognitionDecision.None));
        Assert.That(strict.Candidates, Is.Empty);
        Assert.That(lenient.Candidates, Is.Not.Empty);
    }

    [Test]
    public void Parse_DocumentProceduresNamingNoConcept_Throws()
    {
        Assert.That(
            () => ConceptThesaurus.Parse("concepts:\n  topic.copy: [sao y]\ndocument_procedures: [topic.missing]\n"),
            Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void Parse_DocumentProcedures_Read()
    {
        Assert.That(ConceptThesaurus.Parse(Thesaurus).DocumentProcedures, Is.EqualTo(new[] { "topic.copy" }));
    }
}
