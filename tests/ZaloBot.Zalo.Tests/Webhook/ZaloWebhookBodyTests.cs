using System.Text;
using System.Text.Json;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Zalo.Tests.Webhook;

public sealed class ZaloWebhookBodyTests
{
    [TestCase("""{"event_name":"user_send_text","message":{"text":"Xin ch\u00e0o \ud83d\ude00"},"timestamp":"1"}""")]
    [TestCase("""{"a":[1,{"b":null}],"c":"d"}  """)]
    [TestCase("{\"text\":\"Phường Võ Thị Sáu\"}")]
    public void IsWellFormed_ValidText_True(string body) =>
        Assert.That(ZaloWebhookBody.IsWellFormed(Encoding.UTF8.GetBytes(body)), Is.True);

    [TestCase("""{"text":"\ud800"}""")]
    [TestCase("""{"text":"\udfff\ud800"}""")]
    [TestCase("""{"\ud800":"key"}""")]
    [TestCase("""{"text":"a\u0000b"}""")]
    [TestCase("""[{"text":"array root"}]""")]
    [TestCase("""{"a":1}{"b":2}""")]
    [TestCase("""{"a":1""")]
    [TestCase("")]
    public void IsWellFormed_NotOneObjectOfText_False(string body) =>
        Assert.That(ZaloWebhookBody.IsWellFormed(Encoding.UTF8.GetBytes(body)), Is.False);

    [Test]
    public void IsWellFormed_InvalidUtf8_False()
    {
        byte[] body = [.. "{\"text\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        Assert.That(ZaloWebhookBody.IsWellFormed(body), Is.False);
    }

    [Test]
    public void IsWellFormed_NestedDeeperThanLimit_False()
    {
        var body = "{\"a\":" + new string('[', ZaloWebhookBody.MaxDepth + 1) + new string(']', ZaloWebhookBody.MaxDepth + 1) + "}";

        Assert.That(ZaloWebhookBody.IsWellFormed(Encoding.UTF8.GetBytes(body)), Is.False);
    }

    [Test]
    public void Parse_LoneSurrogateInAField_ThrowsJsonExceptionNotInvalidOperation()
    {
        const string body = """{"event_name":"user_send_text","sender":{"id":"\ud800"},"timestamp":"1"}""";

        Assert.That(() => ZaloEventParser.Parse(body), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void ReadTimestamp_LoneSurrogate_IsNullNotAThrow() =>
        Assert.That(ZaloSignature.ReadTimestamp("""{"timestamp":"\ud800"}"""u8), Is.Null);
}
