namespace ZaloBot.Zalo.Fake;

/// <summary>A message the fake accepted (what the citizen would see).</summary>
public sealed record FakeZaloSentMessage
{
    public required string MessageId { get; init; }

    public required string UserId { get; init; }

    /// <summary><c>text</c>, <c>buttons</c>, <c>list</c>, <c>media</c> or <c>request_user_info</c>.</summary>
    public required string Kind { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<FakeZaloButton> Buttons { get; init; } = [];

    /// <summary>Image <c>attachment_id</c> of a media template.</summary>
    public string? AttachmentId { get; init; }

    /// <summary>Titles of list / request_user_info elements.</summary>
    public IReadOnlyList<string> ElementTitles { get; init; } = [];

    public string? QuoteMessageId { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Sent between 48 h and 7 days after the last interaction: a real OA is billed for it.</summary>
    public bool InPaidWindow { get; init; }

    /// <summary>The request body as received.</summary>
    public required string RawJson { get; init; }
}
