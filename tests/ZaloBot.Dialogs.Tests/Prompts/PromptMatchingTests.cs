using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Prompts;

namespace ZaloBot.Dialogs.Tests.Prompts;

public class PromptMatchingTests
{
    private static readonly BotTexts Texts = BotTexts.Default;

    [TestCase("có")]
    [TestCase("Dạ vâng ạ")]
    [TestCase("ok nhé")]
    [TestCase("đồng ý")]
    [TestCase("ừ")]
    [TestCase("dung roi")]
    public void ConfirmMatch_YesForms_ReturnsTrue(string text) =>
        Assert.That(ConfirmPrompt.Match(text, Texts.YesWords, Texts.NoWords, Texts.PoliteParticles), Is.True);

    [TestCase("không")]
    [TestCase("ko")]
    [TestCase("k")]
    [TestCase("thôi ạ")]
    [TestCase("sai")]
    [TestCase("không đồng ý")]
    public void ConfirmMatch_NoForms_ReturnsFalse(string text) =>
        Assert.That(ConfirmPrompt.Match(text, Texts.YesWords, Texts.NoWords, Texts.PoliteParticles), Is.False);

    [TestCase("để tôi nghĩ")]
    [TestCase("")]
    public void ConfirmMatch_Unclear_ReturnsNull(string text) =>
        Assert.That(ConfirmPrompt.Match(text, Texts.YesWords, Texts.NoWords, Texts.PoliteParticles), Is.Null);

    private static readonly Choice[] Categories =
    [
        new("tthc", "Thủ tục hành chính"),
        new("moi-truong", "Vệ sinh môi trường", ["rac"]),
    ];

    [TestCase("thu tuc hanh chinh", "tthc")]
    [TestCase("2", "moi-truong")]
    [TestCase("rác", "moi-truong")]
    [TestCase("về vệ sinh môi trường ạ", "moi-truong")]
    public void ChoiceMatch_LabelNumberSynonymOrContained_FindsChoice(string text, string expected) =>
        Assert.That(ChoiceMatching.Match(text, Categories, acceptNumbers: true)?.Value, Is.EqualTo(expected));

    [Test]
    public void ChoiceMatch_NumbersOffAndWardSynonym_PrefersSynonymOverPosition()
    {
        Choice[] wards = [new("p1", "Phường 1", ["1"]), new("p2", "Phường 2", ["2"]), new("p9", "Phường 9", ["9"])];
        Assert.That(ChoiceMatching.Match("9", wards, acceptNumbers: false)?.Value, Is.EqualTo("p9"));
        Assert.That(ChoiceMatching.Match("3", wards, acceptNumbers: false), Is.Null);
    }
}
