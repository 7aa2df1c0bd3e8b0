using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Feedback;

/// <summary>A photo or file from the citizen. The bytes are stored here because Zalo media links expire.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }

    public long? TicketId { get; set; }

    /// <summary>The Zalo user who sent it (attachments arrive before the ticket exists).</summary>
    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    [MaxLength(100)]
    public required string ContentType { get; set; }

    [MaxLength(260)]
    public string? FileName { get; set; }

    public long SizeBytes { get; set; }

    [MaxLength(64)]
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    [MaxLength(2000)]
    public string? SourceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
