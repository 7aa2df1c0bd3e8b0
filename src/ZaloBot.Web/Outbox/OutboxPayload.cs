using System.Text.Json;
using System.Text.Json.Serialization;
using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Outbox;

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

    /// <summary>
    /// A dialog engine reply as outbox payloads: one message, or two when it carries a Zalo form — the text (the
    /// consent sentence and its buttons) first, then the request_user_info template, which cannot carry text.
    /// A list is flattened into text lines.
    /// </summary>
    public static IReadOnlyList<OutboxPayload> FromReply(OutgoingMessage reply)
    {
        var text = reply.List.Count == 0
            ? reply.Text
            : reply.Text + "\n" + string.Join("\n", reply.List.Select(e => "• " + e.Title));
        var buttons = reply.Buttons.Count == 0
            ? null
            : reply.Buttons.Select(b => new OutboxButton(b.Title, b.Kind switch
            {
                ButtonKind.QueryHide => "query-hide",
                ButtonKind.OpenUrl => "open-url",
                ButtonKind.OpenPhone => "open-phone",
                _ => "query-show",
            }, b.Payload)).ToList();
        var message = new OutboxPayload(OutgoingMessage.Clip(text), buttons);
        return reply.InfoRequest is { } request
            ? [message, new OutboxPayload(request.Title, RequestUserInfo: new OutboxForm(request.Title, request.Subtitle))]
            : [message];
    }

    /// <summary>
    /// A queued outbox row for this payload; add it to the same DbContext as the change that caused it (transactional
    /// outbox). <paramref name="safeToRepeat"/>: true only for bot replies (see <see cref="OutboundMessage.SafeToRepeat"/>).
    /// </summary>
    public OutboundMessage ToOutbound(string zaloUserId, string idempotencyKey, OutboundPriority priority, DateTimeOffset now, long? ticketId = null, bool safeToRepeat = false) => new()
    {
        SafeToRepeat = safeToRepeat,
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
