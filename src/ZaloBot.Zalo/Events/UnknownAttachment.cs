namespace ZaloBot.Zalo.Events;

/// <summary>An attachment type this library does not know; the payload is kept as raw JSON.</summary>
public sealed record UnknownAttachment : ZaloAttachment
{
    public string? RawPayload { get; init; }
}
