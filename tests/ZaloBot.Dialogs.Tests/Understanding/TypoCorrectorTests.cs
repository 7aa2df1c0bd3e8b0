using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class TypoCorrectorTests
{
    private static readonly TypoCorrector Corrector = TypoCorrector.Create(new Dictionary<string, int>
    {
        ["sinh"] = 10,
        ["dung"] = 5,
        ["dang"] = 8,
        ["khai"] = 7,
        ["#code"] = 3,
    });

    [TestCase("sinnh", "sinh")]
    [TestCase("sih", "sinh")]
    [TestCase("dugn", "dung")]
    [TestCase("khal", "khai")]
    [TestCase("sinh", "sinh")]
    public void Correct_OneEditAway_KnownWord(string word, string expected)
    {
        Assert.That(Corrector.Correct(word), Is.EqualTo(expected));
    }

    [TestCase("xyzzy")]
    [TestCase("ab")]
    [TestCase("2026")]
    [TestCase("#phone")]
    public void Correct_FarOrShortOrNumberOrMarker_Unchanged(string word)
    {
        Assert.That(Corrector.Correct(word), Is.EqualTo(word));
    }
}
