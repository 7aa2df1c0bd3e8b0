using System.Text.Json.Serialization;

namespace ZaloBot.Web.Dev;

/// <summary>What the chat page asks the simulator to send: kind text|image|location|follow|unfollow.</summary>
public sealed record DevChatEvent(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("latitude")] string? Latitude = null,
    [property: JsonPropertyName("longitude")] string? Longitude = null);
