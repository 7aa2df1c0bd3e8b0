using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Conversations;

/// <summary>One line of a conversation (citizen, bot or staff), shown to staff on the ticket.</summary>
public sealed class TranscriptEntry
{
    public long Id { get; set; }

    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    public TranscriptDirection Direction { get; set; }

    [MaxLength(4000)]
    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The inbound message id (or outbox key) this line came from; unique with the direction so re-runs do not duplicate lines.</summary>
    [MaxLength(200)]
    public required string SourceId { get; set; }
}
