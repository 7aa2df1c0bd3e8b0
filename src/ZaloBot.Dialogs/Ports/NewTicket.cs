using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Ports;

/// <summary>A confirmed feedback. Photo urls are Zalo CDN urls that expire: copy them when storing.</summary>
public sealed record NewTicket(
    string ZaloUserId,
    string CategoryCode,
    string WardCode,
    string Description,
    IReadOnlyList<MessageAttachment> Photos,
    GeoLocation? Location,
    string? ContactName,
    string? ContactPhone,
    DateTimeOffset SubmittedAt);
