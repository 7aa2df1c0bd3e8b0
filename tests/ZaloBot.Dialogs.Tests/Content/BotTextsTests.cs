using ZaloBot.Dialogs.Content;

namespace ZaloBot.Dialogs.Tests.Content;

public class BotTextsTests
{
    [Test]
    public void Default_ShippedFile_LoadsWithoutErrors()
    {
        var texts = BotTexts.Default;
        Assert.That(texts.Validate(), Is.Empty);
        Assert.That(texts.MenuFeedback, Is.EqualTo("Gửi phản ánh"));
        Assert.That(texts.Call113Button, Is.EqualTo("Gọi 113"));
    }

    [Test]
    public void Parse_UnknownKey_FailsWithTheKeyName()
    {
        var ex = Assert.Throws<FormatException>(() => BotTexts.Parse("welcom: \"Xin chào\"\n"));
        Assert.That(ex!.Message, Does.Contain("welcom"));
    }

    [Test]
    public void Parse_MissingTexts_ListsMissingKeys()
    {
        var ex = Assert.Throws<FormatException>(() => BotTexts.Parse("welcome: \"Xin chào\"\n"));
        Assert.That(ex!.Message, Does.Contain("'menu_feedback' is missing or empty."));
    }

    [Test]
    public void Fill_Placeholders_ReplacesByName() =>
        Assert.That(BotTexts.Default.Fill("Mã {code}, hạn {due}", ("code", "PA-2026-000123"), ("due", "10/12/2026")), Is.EqualTo("Mã PA-2026-000123, hạn 10/12/2026"));

    [Test]
    public void Parse_CopyInOutputFolder_EqualsEmbeddedDefault()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "content", "bot-texts.vi.yaml");

        var texts = BotTexts.Parse(File.ReadAllText(path));

        Assert.That(texts.Welcome, Is.EqualTo(BotTexts.Default.Welcome));
        Assert.That(texts.ServicesMenu.Select(s => s.Slug), Is.EqualTo(BotTexts.Default.ServicesMenu.Select(s => s.Slug)));
    }

    [Test]
    public void Default_EveryText_FitsOneZaloMessage() =>
        Assert.That(typeof(BotTexts).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string)p.GetValue(BotTexts.Default)!),
            Has.All.Length.LessThanOrEqualTo(ZaloBot.Dialogs.Engine.OutgoingMessage.MaxTextLength));
}
