namespace ZaloBot.Zalo.Events;

/// <summary>
/// Base of every parsed webhook event. Ids and timestamps stay strings (values exceed 2^53).
/// <see cref="RawJson"/> keeps the body for storage and replay.
/// </summary>
public abstract record ZaloEvent
{
    /// <summary>The <c>event_name</c>, e.g. <c>user_send_text</c>.</summary>
    public required string EventName { get; init; }

    public string? AppId { get; init; }

    /// <summary>The OA this event belongs to, resolved by the direction rules (see <see cref="ZaloEventParser"/>).</summary>
    public string? OaId { get; init; }

    /// <summary>The citizen's OA-scoped user id, resolved by the direction rules.</summary>
    public string? UserId { get; init; }

    public string? UserIdByApp { get; init; }

    /// <summary>Epoch milliseconds as sent (a string).</summary>
    public required string Timestamp { get; init; }

    /// <summary>
    /// Idempotency key for the inbox: the message's own <c>msg_id</c> for user and OA messages; otherwise derived
    /// from <c>(event_name, timestamp, user id[, referenced msg ids])</c>. Receipts and reactions carry the id of the
    /// message they refer to, so they use the derived form (prefixed with the event name) and never collide with it.
    /// </summary>
    public required string DedupeKey { get; init; }

    /// <summary>The body as received.</summary>
    public required string RawJson { get; init; }
}
