using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Conversations;

/// <summary>A citizen asked to talk to staff; a staff member can take it and chat until handing it back to the bot.</summary>
public sealed class HandoffRequest
{
    public long Id { get; set; }

    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public HandoffRequestState State { get; set; }

    [MaxLength(64)]
    public string? TakenByUserId { get; set; }

    public DateTimeOffset? TakenAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    [MaxLength(2000)]
    public string? Note { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
