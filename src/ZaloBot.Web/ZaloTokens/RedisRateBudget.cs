using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Web.ZaloTokens;

/// <summary>
/// The OA's Zalo send budget shared by every process: each take is one Lua script on one Redis hash per bucket
/// (<see cref="RedisKeys.RateBucket"/>), refill and take in one atomic step, so N pods together get one budget, not N.
/// The script is <c>ZaloBot.Zalo.Api.TokenBucketState</c>'s arithmetic in Lua; the time comes from the caller's
/// <see cref="TimeProvider"/> (tests drive it; pods keep NTP time, and the script never moves a bucket's clock back).
/// <para>Redis unreachable or slow (a failure or a 2 s timeout): the process falls back to a bucket in its own memory
/// at 1/<see cref="ZaloResilienceOptions.RateLimitInstances"/> of the budget, so all processes together stay within it,
/// and looks at Redis again after <see cref="RetryRedisAfter"/>. When Redis is back its buckets restart full: any 60 s
/// around the switch sees at most the local shares plus one burst, the same bound as in steady running.</para>
/// </summary>
public sealed class RedisRateBudget(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    IOptions<ZaloResilienceOptions> zalo,
    TimeProvider time,
    ILogger<RedisRateBudget> logger) : IZaloRateBudget
{
    /// <summary>5 s on the local share after a Redis failure: a send then never pays Redis's 2 s timeout more than once per 5 s.</summary>
    public static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(5);

    /// <summary>A bucket left alone this long is dropped (it would be full again anyway): 60 s, or its own refill time if longer.</summary>
    private static readonly TimeSpan MinimumIdleExpiry = TimeSpan.FromSeconds(60);

    private static readonly LuaScript Take = LuaScript.Prepare("""
        local state = redis.call('HMGET', @key, 't', 'ts')
        local perPeriod = tonumber(@perPeriod)
        local periodMs = tonumber(@periodMs)
        local capacity = tonumber(@capacity)
        local keep = tonumber(@keep)
        local floor = tonumber(@floor)
        local now = tonumber(@now)
        local tokens = tonumber(state[1])
        local last = tonumber(state[2])
        if tokens == nil or last == nil then
          tokens = capacity
          last = now
        end
        if now > last then
          local periods = math.floor((now - last) / periodMs)
          if periods > 0 then
            tokens = math.min(capacity, tokens + periods * perPeriod)
            last = last + periods * periodMs
          end
        end
        local granted = 0
        local wait = 0
        if tokens >= keep + 1 then
          tokens = math.max(tokens - 1, floor)
          granted = 1
        else
          wait = math.max(1, last + math.ceil((keep + 1 - tokens) / perPeriod) * periodMs - now)
        end
        redis.call('HSET', @key, 't', string.format('%.6f', tokens), 'ts', string.format('%.0f', last))
        redis.call('PEXPIRE', @key, @ttl)
        return {granted, wait}
        """);

    private readonly LocalRateBudget _local = new(time);
    private readonly double _share = 1.0 / zalo.Value.RateLimitInstances;
    private long _downSince;

    /// <summary>True while takes are served by the local share (Redis failed less than <see cref="RetryRedisAfter"/> ago).</summary>
    public bool OnLocalShare => Volatile.Read(ref _downSince) != 0 && time.GetElapsedTime(Volatile.Read(ref _downSince)) < RetryRedisAfter;

    public async ValueTask<RateBudgetAnswer> TryTakeAsync(RateBucket bucket, CancellationToken cancellationToken)
    {
        if (OnLocalShare)
        {
            return _local.TryTake(bucket.Scaled(_share));
        }

        var periodMs = Math.Max(1L, (long)bucket.Period.TotalMilliseconds);
        var fillMs = (long)Math.Ceiling(bucket.Capacity / bucket.TokensPerPeriod + 1) * periodMs;
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Take, new
            {
                key = keys.RateBucket(bucket.Name),
                perPeriod = bucket.TokensPerPeriod,
                periodMs,
                capacity = bucket.Capacity,
                keep = bucket.Keep,
                floor = bucket.Floor,
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
                ttl = Math.Max((long)MinimumIdleExpiry.TotalMilliseconds, fillMs),
            }))!;
            if (Interlocked.Exchange(ref _downSince, 0) != 0)
            {
                logger.LogInformation("Zalo send budget shared through Redis again");
            }

            return (long)result[0] == 1
                ? RateBudgetAnswer.Grant
                : new RateBudgetAnswer(false, TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            if (Interlocked.Exchange(ref _downSince, time.GetTimestamp()) == 0)
            {
                logger.LogWarning("Zalo send budget: Redis unreachable ({Error}); this process keeps to 1/{Instances} of the budget",
                    ex.GetType().Name, zalo.Value.RateLimitInstances);
            }

            return _local.TryTake(bucket.Scaled(_share));
        }
    }
}
