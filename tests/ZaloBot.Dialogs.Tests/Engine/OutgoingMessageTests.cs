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

    [Test]
    public void Create_SixListElements_Throws() =>
        Assert.Throws<ArgumentException>(() => OutgoingMessage.Create("x", null, null, Enumerable.Range(1, 6).Select(i => new ListElement("t", null, null))));

    [Test]
    public void Json_RoundTrip_KeepsButtonsFormAndList()
    {
        var message = OutgoingMessage.Create(
            "Chọn",
            [MessageButton.Hidden("👍", "#vote:a:up"), new MessageButton("Gọi", ButtonKind.OpenPhone, "113")],
            new UserInfoRequest("Tiêu đề", "Phụ đề"),
            [new ListElement("Mục", "Mô tả", MessageButton.Show("Mở"))]);

        var json = System.Text.Json.JsonSerializer.Serialize(message, BotStateSerializer.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<OutgoingMessage>(json, BotStateSerializer.Options)!;

        Assert.That(back.Text, Is.EqualTo("Chọn"));
        Assert.That(back.Buttons, Is.EqualTo(message.Buttons));
        Assert.That(back.InfoRequest, Is.EqualTo(message.InfoRequest));
        Assert.That(back.List, Is.EqualTo(message.List));
        Assert.That(json, Does.Contain("\"kind\":\"QueryHide\""));
    }
}
