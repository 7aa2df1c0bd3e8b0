namespace ZaloBot.Zalo.Events;

/// <summary><c>sticker</c>: sticker id and image url.</summary>
public sealed record StickerAttachment : ZaloAttachment
{
    public string? Id { get; init; }

    public string? Url { get; init; }
}
