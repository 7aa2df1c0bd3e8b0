using ZaloBot.Dialogs.Engine;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Conversations;

/// <summary>One turn to run and commit: a citizen's Zalo event, or a staff action that speaks to the conversation.</summary>
/// <param name="Event">The typed citizen event with its raw JSON; null for a staff action.</param>
/// <param name="ZaloUserId">The citizen's OA-scoped id.</param>
/// <param name="Key">The idempotency key: the event's dedupe key (msg_id or derived) or the staff action's key.</param>
/// <param name="AttachmentIds">Media of this message already downloaded into <c>attachments</c>, in order.</param>
public sealed record InboundTurn(ZaloEvent? Event, string ZaloUserId, string Key, IReadOnlyList<Guid> AttachmentIds)
{
    /// <summary>A staff action's activity (<c>StaffTookOver</c>, <c>StaffReleased</c>); citizen events are mapped from <see cref="Event"/>.</summary>
    public Activity? Activity { get; init; }

    /// <summary>Files of this message that could not be fetched (skipped); the turn's replies start with one notice when above 0.</summary>
    public int MediaSkipped { get; init; }
}
