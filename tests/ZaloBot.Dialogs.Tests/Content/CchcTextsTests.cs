using ZaloBot.Dialogs.Content;

namespace ZaloBot.Dialogs.Tests.Content;

public class CchcTextsTests
{
    [Test]
    public void Default_ShippedFile_LoadsEveryText()
    {
        var texts = CchcTexts.Default;

        Assert.That(texts.ButtonRead, Is.EqualTo("Đọc tiếp"));
        Assert.That(CchcTexts.Fill(texts.PostPush, ("title", "T"), ("summary", "S")), Is.EqualTo("Tin cải cách hành chính mới: T\nS"));
    }

    [Test]
    public void Parse_UnknownKey_Fails() =>
        Assert.Throws<FormatException>(() => CchcTexts.Parse("post_pushh: \"x\"\n"));

    [Test]
    public void Parse_MissingTexts_NamesThem()
    {
        var ex = Assert.Throws<FormatException>(() => CchcTexts.Parse("post_push: \"x\"\n"));
        Assert.That(ex!.Message, Does.Contain("ButtonRead"));
    }
}
