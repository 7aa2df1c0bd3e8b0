using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Webhook;

/// <summary>
/// Section "Webhook": what the ingest endpoint accepts. The app id and OA secret key that verify the MAC are in the
/// library's section <c>Zalo:Webhook</c> (<c>AppId</c>, <c>OaSecretKey</c>, secret from the environment).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhook";

    /// <summary>Our OA id: events for any other OA get 404 (as Chatwoot does for an unknown channel).</summary>
    [Required]
    [RegularExpression("^[0-9A-Za-z_-]{1,64}$")]
    public string OaId { get; set; } = "";

    /// <summary>Largest body accepted. Zalo events are well under 8 KiB; 64 KiB leaves room and stops abuse (413).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Signed events older than this are refused as replays (401). Zalo redelivers for ~1.8 h (+30 s, +5 min, +15 min,
    /// +30 min, +1 h; some sources say up to 12 h), so 24 h never refuses a redelivery. Must stay below
    /// <c>Inbound:DedupeRetention</c> (3 days): inside the window a replay is caught as a duplicate, after it here.
    /// </summary>
    [Range(typeof(TimeSpan), "02:00:00", "29.00:00:00")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(24);
}
