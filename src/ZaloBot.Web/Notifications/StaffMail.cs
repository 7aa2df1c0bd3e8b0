using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Notifications;

/// <summary>An e-mail to a staff member, queued first (unique key: each notice once per person) and sent by the worker.</summary>
public sealed class StaffMail
{
    public long Id { get; set; }

    /// <summary>E.g. "assigned:{ticket event id}:{user id}", "due:{ticket id}:{due date}:{user id}", "digest:{unit id}:{date}:{user id}".</summary>
    [MaxLength(200)]
    public required string IdempotencyKey { get; set; }

    [MaxLength(64)]
    public required string UserId { get; set; }

    [MaxLength(256)]
    public required string ToAddress { get; set; }

    [MaxLength(300)]
    public required string Subject { get; set; }

    [MaxLength(8000)]
    public required string Body { get; set; }

    public StaffMailState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    [MaxLength(500)]
    public string? Error { get; set; }
}
