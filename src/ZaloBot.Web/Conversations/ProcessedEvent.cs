using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The processed marker of one inbound event (or staff action), inserted by the committer in the same transaction as
/// the turn it ran. An event whose marker exists is skipped: the one idempotency key of a turn.
/// </summary>
public sealed class ProcessedEvent
{
    /// <summary>The event's dedupe key (msg_id or derived), or a staff action's key such as <c>handoff:12:taken</c>.</summary>
    [Key]
    [MaxLength(200)]
    public required string Key { get; set; }

    /// <summary>When the turn committed; the retention worker deletes markers older than <c>Retention:ProcessedEvents</c> (index on it).</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}
