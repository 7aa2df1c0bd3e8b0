using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// The <c>zalo-openapi</c> pipeline. Section <c>Zalo:Resilience</c>. Sends run in the outbox worker, not in the
/// webhook's 2-second path, so these numbers bound a worker's time per message, not a citizen-facing request.
/// </summary>
public sealed class ZaloResilienceOptions : IValidatableObject
{
    public const string SectionName = "Zalo:Resilience";

    /// <summary>Zalo's own limit: 4,000 requests/min per app; above it every call returns -32.</summary>
    public const int ZaloRequestsPerMinute = 4000;

    /// <summary>
    /// Per attempt. Default 10 s: a text send is a few hundred bytes and normally answers well under 1 s;
    /// image uploads are ≤ 1 MB. 10 s tolerates a slow Zalo without holding a worker for long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts and backoff together. Default 30 s = 3 attempts × 10 s (backoff eats into it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, only where safe (see <c>ZaloResiliencePipeline</c>). Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First backoff; exponential with jitter (~1 s, ~2 s). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of failed calls in <see cref="CircuitSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the ratio counts. Default 10.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long calls fail fast once open; then one probe goes through, and a failed probe opens it again. Default 5 s
    /// (Polly's): a probe every 5 s costs Zalo 12 calls a minute while it is down, and replies flow again within 5 s of
    /// its return. With 15 s, a run of 30 refused calls kept replies waiting for over 4 minutes (`./zalobot bench
    /// faults zalo-faults` on a fresh database: 0 of 300 answered in 250 s; 300 in 95 s with 5 s, docs/performance.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Client-side token bucket for the whole OA, refilled at this rate. Default 3,600/min = 60/s, 10 % below Zalo's
    /// 4,000/min, so we back off here instead of getting -32. Shared by every process of the OA through
    /// <see cref="IZaloRateBudget"/> (Redis in the web host): two or ten pods together stay at this rate.
    /// </summary>
    [Range(1, ZaloRequestsPerMinute)]
    public int RateLimitPermitsPerMinute { get; set; } = 3600;

    /// <summary>Bucket size (burst). Default 60 = one second's worth. Any 60 s window sees ≤ burst + rate = 3,660.</summary>
    [Range(1, ZaloRequestsPerMinute)]
    public int RateLimitBurst { get; set; } = 60;

    /// <summary>Refill period. Default 1 s (60 tokens each second at the default rate).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RateLimitReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Calls that may wait for a token instead of failing, as time: a call waits at most as long as the budget needs to
    /// serve this many (default 1,000 ≈ 17 s at the full rate); 0 refuses at once.
    /// </summary>
    [Range(0, 100_000)]
    public int RateLimitQueueLimit { get; set; } = 1000;

    /// <summary>
    /// The most processes that call Zalo for this OA at once (deploy/k8s: 2 web + 2 worker = 4). While the shared
    /// budget is unreachable (Redis down) each process keeps to 1/this of it, so together they still stay within it.
    /// Set it to the largest replica count you run (an autoscaler's maximum). Default 4.
    /// </summary>
    [Range(1, 100)]
    public int RateLimitInstances { get; set; } = 4;

    internal int TokensPerPeriod =>
        (int)(RateLimitPermitsPerMinute * RateLimitReplenishmentPeriod.Ticks / TimeSpan.TicksPerMinute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TotalTimeout < AttemptTimeout)
        {
            yield return new ValidationResult("TotalTimeout must be at least AttemptTimeout.", [nameof(TotalTimeout)]);
        }

        if (CircuitSamplingDuration < 2 * AttemptTimeout)
        {
            yield return new ValidationResult(
                "CircuitSamplingDuration must be at least twice AttemptTimeout.", [nameof(CircuitSamplingDuration)]);
        }

        if (RateLimitBurst + RateLimitPermitsPerMinute >= ZaloRequestsPerMinute)
        {
            yield return new ValidationResult(
                "RateLimitBurst + RateLimitPermitsPerMinute must stay below Zalo's 4,000 requests/min.",
                [nameof(RateLimitPermitsPerMinute), nameof(RateLimitBurst)]);
        }

        if (TokensPerPeriod < 1)
        {
            yield return new ValidationResult(
                "RateLimitReplenishmentPeriod is too short for RateLimitPermitsPerMinute: less than one token per period.",
                [nameof(RateLimitReplenishmentPeriod)]);
        }
    }
}
