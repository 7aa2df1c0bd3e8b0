namespace ZaloBot.Zalo.Api;

/// <summary>
/// Where the OA's send budget is kept. Zalo counts 4,000 requests/min per OA whatever the number of processes, so
/// the host registers a shared implementation (the web host: a Redis script, <c>RedisRateBudget</c>); without one
/// the library uses <see cref="LocalRateBudget"/>, which is right for a single process only.
/// </summary>
public interface IZaloRateBudget
{
    /// <summary>Takes one token from <paramref name="bucket"/> if its rules allow; never waits.</summary>
    ValueTask<RateBudgetAnswer> TryTakeAsync(RateBucket bucket, CancellationToken cancellationToken);
}
