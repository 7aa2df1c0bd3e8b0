namespace ZaloBot.Zalo.Api;

/// <summary>
/// The arithmetic of a <see cref="RateBucket"/>, on millisecond timestamps. The Redis script of the web host
/// (<c>RedisRateBudget</c>) is a line-by-line copy in Lua: keep the two the same. Time never runs backwards: a caller
/// whose clock is behind the last refill refills nothing, so clock skew between processes can add at most one skew's
/// worth of tokens, once.
/// </summary>
internal sealed class TokenBucketState(double tokens, long lastMs)
{
    public double Tokens { get; private set; } = tokens;

    public long LastMs { get; private set; } = lastMs;

    public static TokenBucketState Full(RateBucket bucket, long nowMs) => new(bucket.Capacity, nowMs);

    public RateBudgetAnswer Take(RateBucket bucket, long nowMs)
    {
        var periodMs = Math.Max(1L, (long)bucket.Period.TotalMilliseconds);
        if (nowMs > LastMs)
        {
            var periods = (nowMs - LastMs) / periodMs;
            if (periods > 0)
            {
                Tokens = Math.Min(bucket.Capacity, Tokens + periods * bucket.TokensPerPeriod);
                LastMs += periods * periodMs;
            }
        }

        if (Tokens >= bucket.Keep + 1)
        {
            Tokens = Math.Max(Tokens - 1, bucket.Floor);
            return RateBudgetAnswer.Grant;
        }

        var periodsNeeded = Math.Ceiling((bucket.Keep + 1 - Tokens) / bucket.TokensPerPeriod);
        var waitMs = Math.Max(1L, LastMs + (long)periodsNeeded * periodMs - nowMs);
        return new RateBudgetAnswer(false, TimeSpan.FromMilliseconds(waitMs));
    }
}
