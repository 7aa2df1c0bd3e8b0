namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// One normalised inbound event. <see cref="MessageId"/> is the idempotency key of everything the
/// turn does (Zalo's <c>msg_id</c>; for events without one the web app derives a stable id, e.g.
/// "follow:{user}:{timestamp}").
/// </summary>
public sealed record Activity
{
    public required ActivityType Type { get; init; }

    public required string UserId { get; init; }

    public required string MessageId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    public GeoLocation? Location { get; init; }

    public SubmittedInfo? SubmittedInfo { get; init; }

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public static Activity Message(string userId, string messageId, DateTimeOffset timestamp, string text) =>
        new() { Type = ActivityType.Message, UserId = userId, MessageId = messageId, Timestamp = timestamp, Text = text };
}
