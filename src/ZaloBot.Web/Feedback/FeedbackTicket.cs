using System.ComponentModel.DataAnnotations;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Organisation;

namespace ZaloBot.Web.Feedback;

/// <summary>A citizen's feedback in the queue of the HĐND-UBND office.</summary>
public sealed class FeedbackTicket
{
    public long Id { get; set; }

    /// <summary>Human code, e.g. "PA-2026-000123": year and a per-year sequence.</summary>
    [MaxLength(32)]
    public required string Code { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public TicketStatus Status { get; set; }

    public int CategoryId { get; set; }

    public FeedbackCategory? Category { get; set; }

    public int? WardId { get; set; }

    public OrgUnit? Ward { get; set; }

    /// <summary>The unit currently handling the ticket.</summary>
    public int? UnitId { get; set; }

    public OrgUnit? Unit { get; set; }

    public long CitizenId { get; set; }

    public Citizen? Citizen { get; set; }

    [MaxLength(4000)]
    public required string Text { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    [MaxLength(500)]
    public string? LocationAddress { get; set; }

    /// <summary>Contact data copied to the ticket only when the citizen consented (see <see cref="ConsentRecordId"/>).</summary>
    [MaxLength(200)]
    public string? ContactName { get; set; }

    [MaxLength(32)]
    public string? ContactPhone { get; set; }

    public long? ConsentRecordId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Idempotency key: the Zalo message that confirmed the intake. One ticket per confirmation.</summary>
    [MaxLength(128)]
    public required string SourceMessageId { get; set; }

    [MaxLength(1000)]
    public string? RejectionReason { get; set; }

    /// <summary>Citizen satisfaction 1–5 after the answer.</summary>
    public int? Rating { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public List<TicketEvent> Events { get; set; } = [];

    public List<Attachment> Attachments { get; set; } = [];
}
