using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZaloBot.Web.Channel;

/// <summary>
/// What an outbox row carries (stored as JSON in <see cref="OutboundMessage.Payload"/>): channel-neutral text,
/// up to 5 buttons, an optional Zalo "request user info" form or a stored image. The outbox worker maps it to Zalo.
/// </summary>
public sealed record OutboxPayload(
    string Text,
    IReadOnlyList<OutboxButton>? Buttons = null,
    OutboxForm? RequestUserInfo = null,
    Guid? ImageAttachmentId = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutboxPayload FromJson(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, Json) ?? throw new JsonException("Empty outbox payload");

    /// <summary>A queued outbox row for this payload; add it to the same DbContext as the change that caused it (transactional outbox).</summary>
    public OutboundMessage ToOutbound(string zaloUserId, string idempotencyKey, OutboundPriority priority, DateTimeOffset now, long? ticketId = null) => new()
    {
        ZaloUserId = zaloUserId,
        Payload = ToJson(),
        IdempotencyKey = idempotencyKey,
        Priority = priority,
        State = OutboundState.Queued,
        NextAttemptAt = now,
        CreatedAt = now,
        TicketId = ticketId,
    };
}
