using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Citizens;

/// <summary>A person who wrote to the OA. Contact data is kept only with a consent record.</summary>
public sealed class Citizen
{
    public long Id { get; set; }

    /// <summary>Zalo user id scoped to our OA (a string: values exceed 2^53).</summary>
    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    [MaxLength(200)]
    public string? DisplayName { get; set; }

    /// <summary>Consented phone number (see <see cref="ConsentRecord"/>).</summary>
    [MaxLength(32)]
    public string? Phone { get; set; }

    [MaxLength(500)]
    public string? Address { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Last interaction that opens Zalo's reply window (48 h free, 7 days paid).</summary>
    public DateTimeOffset? LastInteractionAt { get; set; }

    public bool IsFollower { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public List<ConsentRecord> Consents { get; set; } = [];
}
