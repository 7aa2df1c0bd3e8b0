using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Notifications;

/// <summary>How far the worker has read ticket events (one row, name "assignments"): assignments are mailed once, in order.</summary>
public sealed class NotificationCursor
{
    [MaxLength(32)]
    public required string Name { get; set; }

    public long LastEventId { get; set; }
}
