namespace ZaloBot.Zalo.Api;

/// <summary>
/// The send budget in this process's memory: exact for one process, N × the budget for N processes. The library's
/// default, and the web host's fallback while Redis is unreachable (there at 1/N, see
/// <see cref="ZaloResilienceOptions.RateLimitInstances"/>).
/// </summary>
public sealed class LocalRateBudget(TimeProvider time) : IZaloRateBudget
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TokenBucketState> _buckets = [];

    public ValueTask<RateBudgetAnswer> TryTakeAsync(RateBucket bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryTake(bucket));

    public RateBudgetAnswer TryTake(RateBucket bucket)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            if (!_buckets.TryGetValue(bucket.Name, out var state))
            {
                state = TokenBucketState.Full(bucket, now);
                _buckets[bucket.Name] = state;
            }

            return state.Take(bucket, now);
        }
    }
}
