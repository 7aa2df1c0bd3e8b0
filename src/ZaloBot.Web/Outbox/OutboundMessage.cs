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

    /// <summary>HTTP requests started for this row (set with <see cref="AttemptedAt"/>, before the request).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// True for bot replies (answers, menus, prompts: the turn's output): when an attempt's outcome is unknown they are
    /// sent again, and a duplicate is harmless. False for staff replies and notifications: such a row is held as
    /// <see cref="OutboundState.Unknown"/> for a person to check and resend.
    /// </summary>
    public bool SafeToRepeat { get; set; }

    /// <summary>
    /// Set by the sender that claimed the row (one token per claimed batch); the attempt mark is conditional on it, so
    /// a row taken over by the stuck rule and claimed again is never attempted by its first claimer.
    /// </summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>
    /// When the current attempt's HTTP request started (committed before the request). Null while the row is only
    /// claimed: a claimed row that was never attempted is always retried.
    /// </summary>
    public DateTimeOffset? AttemptedAt { get; set; }

    /// <summary>How often the row was sent again after an attempt whose outcome was unknown (safe-to-repeat rows only).</summary>
    public int UnknownResends { get; set; }

    /// <summary>While Queued: when it is due. While Sending: when its claim or attempt lease ends (then the stuck rule acts).</summary>
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
