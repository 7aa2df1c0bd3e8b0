namespace ZaloBot.Zalo.Events;

/// <summary><c>user_reacted_message</c>: the user reacted (e.g. <c>/-heart</c>) to a message.</summary>
public sealed record UserReactedEvent : ZaloEvent
{
    /// <summary>The message reacted to.</summary>
    public required string MessageId { get; init; }

    public string? ReactIcon { get; init; }
}
