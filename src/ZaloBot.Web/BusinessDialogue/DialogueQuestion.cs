using System.ComponentModel.DataAnnotations;
using ZaloBot.Web.Organisation;

namespace ZaloBot.Web.BusinessDialogue;

/// <summary>A question a business sent ahead of a session; grouped and assigned by the office, answered by a department.</summary>
public sealed class DialogueQuestion
{
    public long Id { get; set; }

    public long SessionId { get; set; }

    public DialogueSession? Session { get; set; }

    public long? RegistrationId { get; set; }

    public DialogueRegistration? Registration { get; set; }

    /// <summary>Who asked in chat; the answer goes back to them.</summary>
    [MaxLength(64)]
    public string? ZaloUserId { get; set; }

    [MaxLength(2000)]
    public required string Text { get; set; }

    /// <summary>The office's grouping, e.g. "Thuế", "Giấy phép kinh doanh".</summary>
    [MaxLength(100)]
    public string? GroupName { get; set; }

    public int? AssignedUnitId { get; set; }

    public OrgUnit? AssignedUnit { get; set; }

    public DialogueQuestionStatus Status { get; set; }

    [MaxLength(4000)]
    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    [MaxLength(200)]
    public string? AnsweredByName { get; set; }

    /// <summary>The outbox row that took the answer back to the asker (set once: the answer is sent once).</summary>
    public long? AnswerOutboundMessageId { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    /// <summary>Idempotency key: the chat message that carried the question.</summary>
    [MaxLength(128)]
    public string? SourceMessageId { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
