namespace ZaloBot.Zalo.Events;

/// <summary><c>user_seen_message</c>: read receipt for OA messages (user = <c>recipient.id</c>). Not an interaction.</summary>
public sealed record MessageSeenEvent : ZaloEvent
{
    public required IReadOnlyList<string> MessageIds { get; init; }
}
