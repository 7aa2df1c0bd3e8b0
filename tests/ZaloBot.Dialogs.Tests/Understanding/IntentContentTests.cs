using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class IntentContentTests
{
    [Test]
    public void Parse_IntentsOutOfScopeAndStopwords_Read()
    {
        const string Yaml = """
            intents:
              - name: intent:greeting
                phrasings: [xin chào, "  alo  ", ""]
            out_of_scope:
              - giá vàng hôm nay
            stopwords: [ạ, nhé]
            """;

        var content = IntentContent.Parse(Yaml);

        Assert.That(content.Intents.Single().Name, Is.EqualTo("intent:greeting"));
        Assert.That(content.Intents.Single().Phrasings, Is.EqualTo(new[] { "xin chào", "alo" }));
        Assert.That(content.OutOfScope, Is.EqualTo(new[] { "giá vàng hôm nay" }));
        Assert.That(content.Stopwords, Is.EqualTo(new[] { "ạ", "nhé" }));
    }

    [TestCase("intents:\n  - name: greeting\n    phrasings: [chào]\n")]
    [TestCase("intents:\n  - name: 'intent:'\n    phrasings: [chào]\n")]
    [TestCase("intents:\n  - name: intent:cancel\n  - name: intent:cancel\n")]
    [TestCase("intents: [unclosed\n")]
    public void Parse_InvalidFile_ThrowsFormatException(string yaml)
    {
        Assert.That(() => IntentContent.Parse(yaml), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_EmptyDocument_Empty()
    {
        var content = IntentContent.Parse(string.Empty);

        Assert.That(content.Intents, Is.Empty);
        Assert.That(content.OutOfScope, Is.Empty);
    }
}
