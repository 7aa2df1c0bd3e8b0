using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Staff;

/// <summary>
/// Who did what and when in the console, outside a ticket (sign-in, settings, users, handoffs).
/// Ticket actions are audited in <see cref="Feedback.TicketEvent"/>.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(64)]
    public string? ActorUserId { get; set; }

    [MaxLength(200)]
    public required string ActorName { get; set; }

    /// <summary>E.g. "sign-in", "sign-in-failed", "unit.update", "user.create", "handoff.take".</summary>
    [MaxLength(64)]
    public required string Action { get; set; }

    /// <summary>What was acted on, e.g. "unit:phuong-1" or "handoff:12".</summary>
    [MaxLength(200)]
    public string? Target { get; set; }

    [MaxLength(2000)]
    public string? Detail { get; set; }
}
