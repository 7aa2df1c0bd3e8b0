namespace ZaloBot.Web.Feedback;

/// <summary>
/// What the bot collected for a new ticket. <see cref="SourceMessageId"/> is the idempotency key (the Zalo msg_id that
/// confirmed the intake). Contact data is stored only with <see cref="ConsentRecordId"/>; without it, it is dropped.
/// </summary>
public sealed record TicketRequest(
    string SourceMessageId,
    string ZaloUserId,
    string CategoryCode,
    string Text,
    string? WardCode = null,
    double? Latitude = null,
    double? Longitude = null,
    string? LocationAddress = null,
    string? ContactName = null,
    string? ContactPhone = null,
    long? ConsentRecordId = null,
    IReadOnlyList<Guid>? AttachmentIds = null);
