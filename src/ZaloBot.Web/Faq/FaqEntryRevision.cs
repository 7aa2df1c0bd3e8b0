using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Faq;

/// <summary>Version history of an FAQ entry: a snapshot per saved revision.</summary>
public sealed class FaqEntryRevision
{
    public long Id { get; set; }

    public int FaqEntryId { get; set; }

    public int Revision { get; set; }

    [MaxLength(500)]
    public required string Question { get; set; }

    public List<string> Phrasings { get; set; } = [];

    public List<string> Related { get; set; } = [];

    [MaxLength(2000)]
    public required string Answer { get; set; }

    public bool IsPublished { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    [MaxLength(200)]
    public string? ChangedBy { get; set; }
}
