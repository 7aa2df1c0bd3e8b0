namespace ZaloBot.Zalo.Events;

/// <summary>
/// A business card. Zalo's <c>description</c> is a JSON string holding <c>phone</c>, <c>qrCodeUrl</c>…;
/// <see cref="Phone"/> is read from it when possible, <see cref="Description"/> keeps it raw.
/// </summary>
public sealed record BusinessCardAttachment : ZaloAttachment
{
    public string? Url { get; init; }

    public string? Thumbnail { get; init; }

    public string? Description { get; init; }

    public string? Phone { get; init; }
}
