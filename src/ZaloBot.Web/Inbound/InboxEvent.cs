using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// A verified webhook event kept durably in PostgreSQL: the fallback inbox when Redis is unreachable,
/// and the record of events that exhausted their attempts (dead letters) with their last error.
/// </summary>
public sealed class InboxEvent
{
    public long Id { get; set; }

    /// <summary>Zalo msg_id, or a key derived from (event name, timestamp, user) for events without one.</summary>
    [MaxLength(200)]
    public required string DedupeKey { get; set; }

    [MaxLength(100)]
    public required string EventName { get; set; }

    [MaxLength(64)]
    public string? ZaloUserId { get; set; }

    /// <summary>The raw body exactly as received (signature verified).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboxEventState State { get; set; }

    public int Attempts { get; set; }

    [MaxLength(2000)]
    public string? LastError { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
