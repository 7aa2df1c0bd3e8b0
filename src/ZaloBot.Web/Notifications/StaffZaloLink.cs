using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Notifications;

/// <summary>
/// A staff member's Zalo link (one row per console user): a pending link code (its hash and expiry, from
/// /console/account) until they type it in chat, then the Zalo user id their notices go to. Opt-out is per user.
/// </summary>
public sealed class StaffZaloLink
{
    public long Id { get; set; }

    [MaxLength(64)]
    public required string UserId { get; set; }

    /// <summary>Set once the code was typed in chat from this Zalo account; unique (one console user per Zalo account).</summary>
    [MaxLength(64)]
    public string? ZaloUserId { get; set; }

    public DateTimeOffset? LinkedAt { get; set; }

    /// <summary>SHA-256 of the pending code (the code itself is shown once and never stored).</summary>
    [MaxLength(64)]
    public string? CodeHash { get; set; }

    public DateTimeOffset? CodeExpiresAt { get; set; }

    /// <summary>The user turned Zalo notices off (the link stays).</summary>
    public bool OptOut { get; set; }
}
