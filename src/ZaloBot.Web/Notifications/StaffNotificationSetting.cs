using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Notifications;

/// <summary>A staff member who turned e-mail notices off (no row = on).</summary>
public sealed class StaffNotificationSetting
{
    [MaxLength(64)]
    public required string UserId { get; set; }

    public bool EmailOptOut { get; set; }
}
