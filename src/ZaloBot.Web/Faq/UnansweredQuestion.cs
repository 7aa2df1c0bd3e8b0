using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Faq;

/// <summary>A question the bot could not answer, kept for admins to turn into FAQ content.</summary>
public sealed class UnansweredQuestion
{
    public long Id { get; set; }

    [MaxLength(2000)]
    public required string Text { get; set; }

    [MaxLength(64)]
    public string? ZaloUserId { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    [MaxLength(100)]
    public string? TopCandidate { get; set; }

    public double? TopConfidence { get; set; }

    public UnansweredStatus Status { get; set; }

    /// <summary>The FAQ slug an admin linked it to when resolving.</summary>
    [MaxLength(100)]
    public string? ResolvedSlug { get; set; }

    /// <summary>Idempotency key: the inbound message id.</summary>
    [MaxLength(128)]
    public required string SourceMessageId { get; set; }
}
