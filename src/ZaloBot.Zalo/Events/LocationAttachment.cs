namespace ZaloBot.Zalo.Events;

/// <summary><c>location</c>: coordinates are kept as the strings Zalo sends (no float rounding).</summary>
public sealed record LocationAttachment : ZaloAttachment
{
    public string? Latitude { get; init; }

    public string? Longitude { get; init; }
}
