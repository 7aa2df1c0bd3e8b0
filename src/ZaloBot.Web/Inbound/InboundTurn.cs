using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Inbound;

/// <summary>One inbound event as the dialog engine sees it.</summary>
/// <param name="Event">The typed event (<see cref="UserMessageEvent"/>, <see cref="FollowEvent"/>, …) with its raw JSON.</param>
/// <param name="ZaloUserId">The citizen's OA-scoped id.</param>
/// <param name="DedupeKey">The event's idempotency key (msg_id or derived).</param>
/// <param name="AttachmentIds">Media of this message already downloaded into <c>Feedback.Attachment</c>, in order.</param>
public sealed record InboundTurn(ZaloEvent Event, string ZaloUserId, string DedupeKey, IReadOnlyList<Guid> AttachmentIds);
