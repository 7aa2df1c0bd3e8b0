using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.BusinessDialogue;

/// <summary>A business registered for a session, in chat or by the office. Contact data only with a live consent.</summary>
public sealed class DialogueRegistration
{
    public long Id { get; set; }

    public long SessionId { get; set; }

    public DialogueSession? Session { get; set; }

    [MaxLength(64)]
    public string? ZaloUserId { get; set; }

    [MaxLength(200)]
    public required string BusinessName { get; set; }

    /// <summary>Lĩnh vực kinh doanh.</summary>
    [MaxLength(200)]
    public required string Field { get; set; }

    [MaxLength(20)]
    public string? TaxCode { get; set; }

    [MaxLength(200)]
    public string? ContactName { get; set; }

    [MaxLength(32)]
    public string? ContactPhone { get; set; }

    public long? ConsentRecordId { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Idempotency key: the chat message that confirmed the registration.</summary>
    [MaxLength(128)]
    public string? SourceMessageId { get; set; }
}
