using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Outbox;

/// <summary>The outbox: every message to a citizen is stored here first and delivered by a worker.</summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }

    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    /// <summary>Interactive replies go ahead of status notifications when the rate limit bites.</summary>
    public OutboundPriority Priority { get; set; }

    /// <summary>Channel-neutral message (text, buttons, attachments) as JSON.</summary>
    public required string Payload { get; set; }

    public OutboundState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Makes enqueueing idempotent: e.g. "turn:{inbound msg_id}:{n}" or "reply:{ticket event id}".</summary>
    [MaxLength(200)]
    public required string IdempotencyKey { get; set; }

    [MaxLength(64)]
    public string? ZaloMessageId { get; set; }

    public int? ErrorCode { get; set; }

    [MaxLength(1000)]
    public string? ErrorReason { get; set; }

    public long? TicketId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? SeenAt { get; set; }
}
