using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Outbox;

/// <summary>Section "Outbox": delivery of queued replies and notifications to the Zalo OA API. Defaults are production values.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Outbox rows claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Delivery attempts of an outbox row whose failures prove it was not delivered, before it is marked Failed.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>First outbox retry delay; doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap of the outbox retry delay. 5 min: with 20 attempts a Zalo outage of ~1 h is ridden out.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an idle outbox worker polls PostgreSQL for rows queued by other processes (same-process rows wake it
    /// at once). 200 ms: notifications from another instance's console reach Zalo within a fifth of a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:10")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A row in Sending longer than this was interrupted (crash mid-call). Zalo's client gives up after 30 s
    /// (total timeout), so 2 min means the call is surely over; such rows are marked Failed, not resent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendingStuckAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long our own sent message ids are remembered to drop their <c>oa_send_*</c> echoes (7 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SentMessageRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Banner of a "request user info" form when the payload gives none (Zalo requires one).</summary>
    [Required]
    public Uri FormImageUrl { get; set; } = new("https://stc-developers.zdn.vn/images/bg_1.jpg");
}
