using ZaloBot.Web.Outbox;
namespace ZaloBot.Web.Inbound;

/// <summary>
/// The seam the dialog engine implements. The worker calls it for citizen events (<c>user_send_*</c>, <c>follow</c>,
/// <c>unfollow</c>, <c>user_submit_info</c>, <c>user_reacted_message</c>), one event at a time per user and in order,
/// after the citizen row, the transcript line and downloaded media are stored. It may run more than once for the same
/// event (at-least-once delivery): make it idempotent on <see cref="InboundTurn.DedupeKey"/>. Throwing makes the
/// worker retry the event and, after <c>Inbound:MaxAttempts</c>, dead-letter it.
/// </summary>
public interface IInboundEventHandler
{
    /// <summary>
    /// Handles one turn and returns the replies to send, in order. The worker stores them in the outbox with
    /// idempotency keys <c>turn:{DedupeKey}:{index}</c> (Interactive priority), so a re-run never sends twice.
    /// </summary>
    Task<IReadOnlyList<OutboxPayload>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken);
}
