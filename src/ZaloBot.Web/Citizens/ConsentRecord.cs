using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Citizens;

/// <summary>What a citizen agreed to, the exact sentence shown, how and when; withdrawal is recorded, not deleted.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public long CitizenId { get; set; }

    public Citizen? Citizen { get; set; }

    /// <summary>E.g. "contact-for-feedback".</summary>
    [MaxLength(64)]
    public required string Purpose { get; set; }

    [MaxLength(1000)]
    public required string ConsentText { get; set; }

    /// <summary>"request_user_info" (Zalo one-tap form) or "typed".</summary>
    [MaxLength(32)]
    public required string Channel { get; set; }

    public DateTimeOffset GivenAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}
