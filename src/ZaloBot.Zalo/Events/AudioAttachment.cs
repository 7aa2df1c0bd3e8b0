namespace ZaloBot.Zalo.Events;

/// <summary><c>audio</c> (voice message).</summary>
public sealed record AudioAttachment : ZaloAttachment
{
    public string? Url { get; init; }
}
