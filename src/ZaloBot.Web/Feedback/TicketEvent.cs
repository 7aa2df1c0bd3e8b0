using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Feedback;

/// <summary>The audit trail of a ticket: every status change, assignment, note and reply, with who and when.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public FeedbackTicket? Ticket { get; set; }

    public TicketEventKind Kind { get; set; }

    /// <summary>Staff user id, or null for the citizen or the system.</summary>
    [MaxLength(64)]
    public string? ActorUserId { get; set; }

    /// <summary>Display name at the time of the action ("Hệ thống", "Công dân", or the staff member).</summary>
    [MaxLength(200)]
    public required string ActorName { get; set; }

    public DateTimeOffset At { get; set; }

    public TicketStatus? FromStatus { get; set; }

    public TicketStatus? ToStatus { get; set; }

    public int? UnitId { get; set; }

    [MaxLength(4000)]
    public string? Text { get; set; }

    /// <summary>For replies: the outbox row that carries the reply to Zalo.</summary>
    public long? OutboundMessageId { get; set; }
}
