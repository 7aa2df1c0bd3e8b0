using System.Text.Json.Nodes;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// A button (≤ 5 per message). A tap on a query button makes Zalo deliver <c>payload</c> back as
/// <c>user_send_text</c>: visible in the chat for <c>oa.query.show</c>, hidden for <c>oa.query.hide</c>.
/// </summary>
public sealed record ZaloButton
{
    /// <summary>Zalo's query payload limit (≤ 1,000 characters).</summary>
    public const int MaxQueryPayloadLength = 1000;

    private ZaloButton(string title, string type, JsonNode payload)
    {
        Title = title;
        Type = type;
        Payload = payload;
    }

    public string Title { get; }

    /// <summary><c>oa.query.show</c>, <c>oa.query.hide</c>, <c>oa.open.url</c> or <c>oa.open.phone</c>.</summary>
    public string Type { get; }

    /// <summary>A string for query buttons, an object for url/phone.</summary>
    public JsonNode Payload { get; }

    public static ZaloButton QueryShow(string title, string payload) => Query(title, "oa.query.show", payload);

    public static ZaloButton QueryHide(string title, string payload) => Query(title, "oa.query.hide", payload);

    public static ZaloButton OpenUrl(string title, Uri url) =>
        new(title, "oa.open.url", new JsonObject { ["url"] = url.ToString() });

    /// <param name="phoneCode">International form without '+', e.g. <c>84283930xxxx</c>.</param>
    public static ZaloButton OpenPhone(string title, string phoneCode) =>
        new(title, "oa.open.phone", new JsonObject { ["phone_code"] = phoneCode });

    internal JsonObject ToJson() => new()
    {
        ["title"] = Title,
        ["type"] = Type,
        ["payload"] = Payload.DeepClone(),
    };

    private static ZaloButton Query(string title, string type, string payload)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, MaxQueryPayloadLength, nameof(payload));
        return new ZaloButton(title, type, JsonValue.Create(payload));
    }
}
