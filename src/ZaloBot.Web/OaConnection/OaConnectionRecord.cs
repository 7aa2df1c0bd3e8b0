using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.OaConnection;

/// <summary>
/// How the OA was connected and what went wrong last, shown on the console's "Kết nối Zalo OA" page. The token pair
/// itself lives in <c>zalo_oa_tokens</c> (encrypted); its update time is the last refresh. No secrets here.
/// </summary>
public sealed class OaConnectionRecord
{
    [MaxLength(64)]
    public required string OaId { get; set; }

    /// <summary>From <c>v2.0/oa/getoa</c> right after the consent; null if that call failed.</summary>
    [MaxLength(200)]
    public string? OaName { get; set; }

    public DateTimeOffset? ConnectedAt { get; set; }

    /// <summary>Staff name, or "oa connect" for the headless command.</summary>
    [MaxLength(200)]
    public string? ConnectedBy { get; set; }

    /// <summary>The last failed consent, code exchange or check, in words (Zalo's code and description).</summary>
    [MaxLength(500)]
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
