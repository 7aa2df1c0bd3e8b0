using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Tests.Text;

public class TextFoldingTests
{
    [TestCase("Có", "co")]
    [TestCase("  ĐỒNG   Ý!! ", "dong y")]
    [TestCase("Phường Võ Thị Sáu.", "phuong vo thi sau")]
    [TestCase("", "")]
    public void Fold_VietnameseText_RemovesDiacriticsCaseAndEdgePunctuation(string input, string expected) =>
        Assert.That(TextFolding.Fold(input), Is.EqualTo(expected));

    [Test]
    public void ContainsPhrase_PhraseAsWholeWords_MatchesOnlyWholeWords()
    {
        Assert.That(TextFolding.ContainsPhrase("Tôi muốn xóa dữ liệu của tôi", ["xoá dữ liệu"]), Is.True);
        Assert.That(TextFolding.ContainsPhrase("cokhong", ["co"]), Is.False);
    }

    [TestCase("co ca", "ca", true)]
    [TestCase("ca co", "ca", true)]
    [TestCase("cac ca", "ca", true)]
    [TestCase("cac cab", "ca", false)]
    [TestCase("acab", "ca", false)]
    [TestCase("", "ca", false)]
    public void ContainsPhrase_EveryPlaceOfThePhrase_IsChecked(string text, string phrase, bool expected) =>
        Assert.That(TextFolding.ContainsPhrase(text, [phrase]), Is.EqualTo(expected));

    [Test]
    public void AnswersAboutOneMessage_DoNotLeakIntoTheNext()
    {
        // The folded message is remembered per thread for the same string instance only.
        var first = new string("Xin chào".ToCharArray());
        var second = new string("menu".ToCharArray());

        Assert.That(TextFolding.IsOneOf(first, ["xin chao"]), Is.True);
        Assert.That(TextFolding.IsOneOf(second, ["xin chao"]), Is.False);
        Assert.That(TextFolding.IsOneOf(second, ["Menu"]), Is.True);
        Assert.That(TextFolding.IsOneOf(first, ["menu"]), Is.False);
    }
}
