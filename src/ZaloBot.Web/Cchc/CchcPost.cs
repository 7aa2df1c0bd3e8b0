using System.ComponentModel.DataAnnotations;
using ZaloBot.Web.Organisation;

namespace ZaloBot.Web.Cchc;

/// <summary>
/// A post of the CCHC section ("chuyên mục cải cách hành chính"): written by a department, a ward or the office, reviewed and
/// published by the office. Every change is an <see cref="Staff.AuditEntry"/> with target "cchc-post:{id}".
/// </summary>
public sealed class CchcPost
{
    public long Id { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    /// <summary>What a citizen reads in the chat list and in the push message.</summary>
    [MaxLength(500)]
    public required string Summary { get; set; }

    [MaxLength(8000)]
    public required string Body { get; set; }

    /// <summary>An https image (Zalo shows it in a list element).</summary>
    [MaxLength(500)]
    public string? ImageUrl { get; set; }

    /// <summary>An https link to read more or to watch the guiding video.</summary>
    [MaxLength(500)]
    public string? LinkUrl { get; set; }

    public CchcTopic Topic { get; set; }

    public CchcPostStatus Status { get; set; }

    /// <summary>The unit that wrote it; only its users (and the office) may edit it.</summary>
    public int? UnitId { get; set; }

    public OrgUnit? Unit { get; set; }

    [MaxLength(64)]
    public string? AuthorUserId { get; set; }

    [MaxLength(200)]
    public required string AuthorName { get; set; }

    /// <summary>Why the office returned it to its author.</summary>
    [MaxLength(1000)]
    public string? ReviewNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>First publication: the order of "latest posts" and the moment subscribers are told.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
