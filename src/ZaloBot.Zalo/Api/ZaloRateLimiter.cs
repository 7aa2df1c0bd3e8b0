using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// The client-side limit below Zalo's 4,000 requests/min per OA (see <see cref="ZaloResilienceOptions"/>): a token
/// bucket of <see cref="ZaloResilienceOptions.RateLimitBurst"/> refilled at
/// <see cref="ZaloResilienceOptions.RateLimitPermitsPerMinute"/>, kept in <see cref="IZaloRateBudget"/> (shared by
/// every process of the OA in the web host) and named by the OA id. Every attempt takes one token, retries included.
/// A call without a token waits, polling the budget when a token is due, for at most the time the budget needs to
/// serve <see cref="ZaloResilienceOptions.RateLimitQueueLimit"/> calls (1,000 at 60/s ≈ 17 s); longer, it is refused
/// here (<see cref="RateLimiterRejectedException"/>, never reached Zalo). One instance per process (DI singleton).
/// </summary>
internal sealed class ZaloRateLimiter : RateLimiter
{
    private readonly IZaloRateBudget _budget;
    private readonly TimeProvider _time;
    private readonly RateBucket _bucket;
    private readonly TimeSpan _maxWait;

    public ZaloRateLimiter(IZaloRateBudget budget, IOptions<ZaloResilienceOptions> options, IOptions<ZaloTokenOptions> tokens, TimeProvider time)
    {
        var o = options.Value;
        _budget = budget;
        _time = time;
        _bucket = new RateBucket("zalo:" + tokens.Value.OaId, o.TokensPerPeriod, o.RateLimitReplenishmentPeriod, o.RateLimitBurst);
        _maxWait = TimeSpan.FromMinutes((double)o.RateLimitQueueLimit / o.RateLimitPermitsPerMinute);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        _budget.TryTakeAsync(_bucket, CancellationToken.None).AsTask().GetAwaiter().GetResult().Granted ? Lease.Granted : Lease.Refused(null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var answer = await _budget.TryTakeAsync(_bucket, cancellationToken);
            if (answer.Granted)
            {
                return Lease.Granted;
            }

            if (_time.GetElapsedTime(started) + answer.RetryAfter > _maxWait)
            {
                return Lease.Refused(answer.RetryAfter);
            }

            await Task.Delay(answer.RetryAfter, _time, cancellationToken);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
