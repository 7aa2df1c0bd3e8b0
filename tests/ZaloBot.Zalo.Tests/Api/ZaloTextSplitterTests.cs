using System.Text;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Zalo.Tests.Api;

public sealed class ZaloTextSplitterTests
{
    [Test]
    public void Split_ShortText_ReturnsItTrimmed()
    {
        Assert.That(ZaloTextSplitter.Split("  Xin chào  "), Is.EqualTo(new[] { "Xin chào" }));
    }

    [Test]
    public void Split_ExactlyLimit_ReturnsOnePart()
    {
        var text = new string('a', 2000);

        Assert.That(ZaloTextSplitter.Split(text), Is.EqualTo(new[] { text }));
    }

    [Test]
    public void Split_TwoParagraphsOverLimit_CutsAtParagraphBreak()
    {
        var first = new string('a', 1500);
        var second = new string('b', 1500);

        Assert.That(ZaloTextSplitter.Split(first + "\n\n" + second), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public void Split_SentencesWithoutBreaks_CutsAfterSentenceEnd()
    {
        var sentence = new string('x', 99) + ". "; // 101 chars with the space
        var text = string.Concat(Enumerable.Repeat(sentence, 30)).TrimEnd();

        var parts = ZaloTextSplitter.Split(text);

        Assert.That(parts.Select(p => p.Length), Is.EqualTo(new[] { 19 * 101 - 1, 11 * 101 - 1 }));
        Assert.That(parts[0], Does.EndWith("."));
    }

    [Test]
    public void Split_NfdVietnamese_CountsAfterNfcNormalisation()
    {
        // "ệ" in NFD is 3 code units; 1,900 of them is 5,700 units but only 1,900 characters in NFC.
        var nfd = string.Concat(Enumerable.Repeat("ệ", 1900)).Normalize(NormalizationForm.FormD);

        var parts = ZaloTextSplitter.Split(nfd);

        Assert.That(parts, Has.Count.EqualTo(1));
        Assert.That(parts[0].IsNormalized(NormalizationForm.FormC), Is.True);
    }

    [Test]
    public void Split_OneHugeWord_HardCutsAtLimit()
    {
        var parts = ZaloTextSplitter.Split(new string('z', 4500));

        Assert.That(parts.Select(p => p.Length), Is.EqualTo(new[] { 2000, 2000, 500 }));
    }

    [Test]
    public void Split_LongText_EveryPartWithinLimitAndNoWordLost()
    {
        var words = Enumerable.Range(0, 1500).Select(i => "từ" + i);
        var text = string.Join(' ', words);

        var parts = ZaloTextSplitter.Split(text);

        Assert.That(parts.All(p => p.Length <= 2000), Is.True);
        Assert.That(string.Join(' ', parts), Is.EqualTo(text));
    }
}
