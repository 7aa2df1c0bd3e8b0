using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Faq;

/// <summary>
/// An FAQ entry as stored in PostgreSQL (the source of truth after seeding), with its alternative phrasings and its
/// version; <see cref="Dialogs.Faq.FaqEntry"/> is the same entry as content/faq.yaml holds it.
/// </summary>
public sealed class StoredFaqEntry
{
    public int Id { get; set; }

    [MaxLength(100)]
    public required string Slug { get; set; }

    [MaxLength(100)]
    public required string Category { get; set; }

    [MaxLength(500)]
    public required string Question { get; set; }

    public List<string> Phrasings { get; set; } = [];

    /// <summary>Slugs of related questions, shown as buttons under the answer.</summary>
    public List<string> Related { get; set; } = [];

    /// <summary>Answer text for Zalo: at most 2,000 characters.</summary>
    [MaxLength(2000)]
    public required string Answer { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>Contact details or facts the office must confirm before publishing.</summary>
    public bool NeedsReview { get; set; }

    /// <summary>Incremented on every edit; the previous content is kept in <see cref="FaqEntryRevision"/>.</summary>
    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [MaxLength(200)]
    public string? UpdatedBy { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
