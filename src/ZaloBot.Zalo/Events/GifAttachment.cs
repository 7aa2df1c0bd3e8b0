namespace ZaloBot.Zalo.Events;

/// <summary><c>gif</c>.</summary>
public sealed record GifAttachment : ZaloAttachment
{
    public string? Url { get; init; }

    public string? Thumbnail { get; init; }
}
