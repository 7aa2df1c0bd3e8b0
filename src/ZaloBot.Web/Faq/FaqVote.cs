using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Faq;

/// <summary>"Câu trả lời có hữu ích không?" — 👍/👎 on an answer.</summary>
public sealed class FaqVote
{
    public long Id { get; set; }

    [MaxLength(100)]
    public required string Slug { get; set; }

    public bool Helpful { get; set; }

    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(128)]
    public required string SourceMessageId { get; set; }
}
