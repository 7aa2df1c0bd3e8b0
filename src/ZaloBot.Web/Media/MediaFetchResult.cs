namespace ZaloBot.Web.Media;

/// <summary>What came of an event's media.</summary>
/// <param name="AttachmentIds">Stored (or already stored, same bytes) attachments, in the event's order.</param>
/// <param name="Skipped">Attachments that were not stored (refused, failed, over a cap). The message is handled anyway.</param>
public sealed record MediaFetchResult(IReadOnlyList<Guid> AttachmentIds, int Skipped);
