using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Notifications;

/// <summary>Section "StaffZalo": notices to staff on Zalo, next to the e-mail (docs/cchc.md, "Staff notices on Zalo").</summary>
public sealed class StaffZaloOptions
{
    public const string Section = "StaffZalo";

    /// <summary>Send Zalo notices to linked staff (assigned to their unit, due tomorrow). Linking works either way.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long a link code from /console/account is valid: 10 minutes is enough to type it, short enough to be useless if seen.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
