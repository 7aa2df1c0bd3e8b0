using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Tests.Engine;

public class OutgoingMessageTests
{
    [Test]
    public void Create_SixButtons_Throws() =>
        Assert.Throws<ArgumentException>(() => OutgoingMessage.Create("x", Enumerable.Range(1, 6).Select(i => MessageButton.Show(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    [Test]
    public void Create_LongText_ClipsTo2000Characters()
    {
        var message = OutgoingMessage.Create(new string('a', 2500));
        Assert.That(message.Text, Has.Length.EqualTo(2000));
        Assert.That(message.Text, Does.EndWith("…"));
    }

    [Test]
    public void Split_LongAnswer_CutsAtParagraphsWithinLimit()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("thủ tục", 100));
        var parts = OutgoingMessage.Split(string.Join("\n\n", Enumerable.Repeat(paragraph, 6)));
        Assert.That(parts, Has.Count.GreaterThan(1));
        Assert.That(parts.All(p => p.Length <= OutgoingMessage.MaxTextLength), Is.True);
        Assert.That(string.Join("\n\n", parts), Is.EqualTo(string.Join("\n\n", Enumerable.Repeat(paragraph, 6))));
    }
}
