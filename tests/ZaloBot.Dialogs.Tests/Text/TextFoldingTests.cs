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
}
