namespace ZaloBot.Zalo.Events;

/// <summary><c>image</c>: CDN url (expires; download promptly) and thumbnail.</summary>
public sealed record ImageAttachment : ZaloAttachment
{
    public string? Url { get; init; }

    public string? Thumbnail { get; init; }
}
