using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Feedback;

/// <summary>A reusable reply text for staff.</summary>
public sealed class ReplyTemplate
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    [MaxLength(2000)]
    public required string Body { get; set; }

    public bool IsActive { get; set; } = true;

    [Timestamp]
    public uint Version { get; set; }
}
