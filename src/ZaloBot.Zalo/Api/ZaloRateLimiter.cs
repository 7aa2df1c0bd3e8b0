using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// The process-wide token bucket kept below Zalo's 4,000 requests/min (see <see cref="ZaloResilienceOptions"/>).
/// One instance per process (DI singleton) so every pipeline instance shares it. It refills on its own timer:
/// <see cref="TokenBucketRateLimiter"/> has no <see cref="TimeProvider"/> hook.
/// </summary>
internal sealed class ZaloRateLimiter : IDisposable
{
    public ZaloRateLimiter(IOptions<ZaloResilienceOptions> options)
    {
        var o = options.Value;
        Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.RateLimitBurst,
            TokensPerPeriod = o.TokensPerPeriod,
            ReplenishmentPeriod = o.RateLimitReplenishmentPeriod,
            QueueLimit = o.RateLimitQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public TokenBucketRateLimiter Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}
