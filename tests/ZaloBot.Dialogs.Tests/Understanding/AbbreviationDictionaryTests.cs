using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class AbbreviationDictionaryTests
{
    [Test]
    public void Parse_Map_ExpandsByToneKey()
    {
        var dictionary = AbbreviationDictionary.Parse("abbreviations:\n  ko: không\n  đc: được\n");
        var normalizer = new TextNormalizer(dictionary);

        Assert.That(dictionary.Count, Is.EqualTo(2));
        Assert.That(normalizer.Normalize("KO đc").FoldedText, Is.EqualTo("khong duoc"));
    }

    [Test]
    public void Parse_EmptyDocument_EmptyDictionary()
    {
        Assert.That(AbbreviationDictionary.Parse(string.Empty).Count, Is.Zero);
    }

    [TestCase("abbreviations:\n  ko: không\n  Ko: không\n")]
    [TestCase("abbreviations:\n  ko ko: không\n")]
    [TestCase("abbreviations:\n  ko: ''\n")]
    public void Parse_InvalidEntry_Throws(string yaml)
    {
        Assert.That(() => AbbreviationDictionary.Parse(yaml), Throws.TypeOf<FormatException>());
    }
}
