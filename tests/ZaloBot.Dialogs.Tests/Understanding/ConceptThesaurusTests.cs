using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class ConceptThesaurusTests
{
    [Test]
    public void Parse_ConceptsAndStoryOpeners_Read()
    {
        var thesaurus = ConceptThesaurus.Parse("concepts:\n  problem.broken: [hư, bị hỏng, broken]\nstory_openers:\n  - Chào ad.\n");

        Assert.That(thesaurus.Concepts, Is.EqualTo(new[] { "problem.broken" }));
        Assert.That(thesaurus.Entries[0].Phrases, Is.EqualTo(new[] { "hư", "bị hỏng", "broken" }));
        Assert.That(thesaurus.StoryOpeners, Is.EqualTo(new[] { "Chào ad." }));
    }

    [TestCase("concepts:\n  broken: [hư]\n")]
    [TestCase("concepts:\n  problem.broken: []\n")]
    [TestCase("concepts:\n  problem.broken: [một hai ba bốn năm sáu bảy tám chín]\n")]
    [TestCase("concepts: [oops")]
    public void Parse_Invalid_Throws(string yaml)
    {
        Assert.That(() => ConceptThesaurus.Parse(yaml), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void ShippedFile_Parses_WithReportKinds()
    {
        var concepts = RepositoryContent.Concepts().Concepts.ToList();

        Assert.That(concepts.Select(c => c[..c.IndexOf('.', StringComparison.Ordinal)]).Distinct(),
            Is.SupersetOf(new[] { "object", "problem", "span", "ask" }));
    }

    [Test]
    public void Recognize_SynonymOnlyInThesaurus_MatchesExemplarWithOtherWord()
    {
        // "bể" appears in no exemplar; the thesaurus maps it and "hỏng" to one concept.
        var faq = new[] { new Faq.FaqEntry("a", "c", "đèn đường bị hỏng", [], [], "A", false, true), new Faq.FaqEntry("b", "c", "giờ làm việc của phường", [], [], "B", false, true) };
        var thesaurus = ConceptThesaurus.Parse("concepts:\n  problem.broken: [hỏng, bể]\n");
        var options = new RecognizerOptions { GateWeight = 0, CharTrigramWeight = 0 };
        var with = RecognizerIndex.Build(faq, IntentContent.Empty, AbbreviationDictionary.Empty, options, thesaurus);
        var without = RecognizerIndex.Build(faq, IntentContent.Empty, AbbreviationDictionary.Empty, options);

        var a = with.Recognize("đèn bể");
        var b = without.Recognize("đèn bể");

        Assert.That(a.TopLabel, Is.EqualTo("a"));
        Assert.That(a.TopConfidence, Is.GreaterThan(b.TopConfidence));
    }
}
