namespace ZaloBot.Zalo.Events;

/// <summary><c>video</c>.</summary>
public sealed record VideoAttachment : ZaloAttachment
{
    public string? Url { get; init; }

    public string? Thumbnail { get; init; }

    public string? Description { get; init; }
}
