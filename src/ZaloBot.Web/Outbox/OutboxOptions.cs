using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Outbox;

/// <summary>Section "Outbox": delivery of queued replies and notifications to the Zalo OA API. Defaults are production values.</summary>
public sealed class OutboxOptions : IValidatableObject
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
    /// How long a claimed row may wait for its attempt to start. A batch (50 rows, 8 users in parallel, one user's rows
    /// in order) normally starts every row within a second; at the client's rate limit (60/s) 50 rows take ~0.8 s, and
    /// one slow earlier row of the same user adds at most 30 s. 15 s: after a crash the rows it had claimed but not
    /// attempted go back to Queued (no attempt spent) within 15 s + the 5 s stuck check; a row that waited longer than
    /// that in a live worker is simply not attempted by it (the attempt mark is conditional) and is claimed again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an attempted row may stay in Sending before its outcome is called unknown (the process died mid-call).
    /// The client gives up after 30 s (Zalo:Resilience:TotalTimeout) and a worker then retries recording the result
    /// for up to 10 s (a PostgreSQL blip), so 45 s means the call and its recording are surely over. Then a
    /// safe-to-repeat row is sent again (counted) and any other row is held as "unknown — check". After a kill -9 the
    /// affected citizens' bot replies go out within 45 s + 5 s check + the restart: under a minute, not two.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long the sender keeps retrying to record a send's result while PostgreSQL is away (see <see cref="AttemptTimeout"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RecordResultFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long our own sent message ids are remembered to drop their <c>oa_send_*</c> echoes (7 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SentMessageRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Banner of a "request user info" form when the payload gives none (Zalo requires one).</summary>
    [Required]
    public Uri FormImageUrl { get; set; } = new("https://stc-developers.zdn.vn/images/bg_1.jpg");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AttemptTimeout <= RecordResultFor)
        {
            yield return new ValidationResult("AttemptTimeout must be longer than RecordResultFor (plus the Zalo client's total timeout).",
                [nameof(AttemptTimeout), nameof(RecordResultFor)]);
        }
    }
}
