namespace ZaloBot.Zalo.Events;

/// <summary><c>user_received_message</c>: delivery receipt for one OA message (user = <c>recipient.id</c>).</summary>
public sealed record MessageReceivedEvent : ZaloEvent
{
    /// <summary>The id returned when we sent the message.</summary>
    public required string MessageId { get; init; }
}
