namespace ZaloBot.Zalo.Events;

/// <summary><c>link</c>: a shared link preview.</summary>
public sealed record LinkAttachment : ZaloAttachment
{
    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Thumbnail { get; init; }
}
