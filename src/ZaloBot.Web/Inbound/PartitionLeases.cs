using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Who owns which inbound partition, in Redis: a lease per partition (<c>SET {in:p}:lease token NX PX</c>, renewed and
/// released only by its holder through a compare-and-set script) and the set of live worker instances (sorted set,
/// score = last heartbeat), from which each instance takes its fair share.
/// </summary>
public sealed class PartitionLeases(IConnectionMultiplexer redis, RedisKeys keys, InboundPartitions partitions, IOptions<InboundOptions> options, TimeProvider time)
{
    private static readonly LuaScript RenewScript = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('PEXPIRE', @key, @ttl) end return 0");

    private static readonly LuaScript ReleaseScript = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) end return 0");

    private readonly TimeSpan _lease = options.Value.LeaseDuration;

    /// <summary>Beats for <paramref name="instanceId"/>, forgets instances silent for a lease, returns this instance's share of partitions.</summary>
    public async Task<int> HeartbeatAsync(string instanceId)
    {
        var db = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SortedSetAddAsync(keys.Workers, instanceId, now);
        await db.SortedSetRemoveRangeByScoreAsync(keys.Workers, double.NegativeInfinity, now - (long)_lease.TotalMilliseconds);
        var live = Math.Max(1, await db.SortedSetLengthAsync(keys.Workers));
        return (int)Math.Ceiling(partitions.Count / (double)live);
    }

    /// <summary>Takes the lease of a free partition; the time it surely holds until (measured before the call), or null.</summary>
    public async Task<DateTimeOffset?> TryAcquireAsync(int partition, string instanceId)
    {
        var at = time.GetUtcNow();
        return await redis.GetDatabase().StringSetAsync(keys.Lease(partition), instanceId, _lease, When.NotExists) ? at + _lease : null;
    }

    /// <summary>Extends our lease; the new end (measured before the call), or null when it is no longer ours.</summary>
    public async Task<DateTimeOffset?> RenewAsync(int partition, string instanceId)
    {
        var at = time.GetUtcNow();
        var renewed = (long)await redis.GetDatabase().ScriptEvaluateAsync(RenewScript,
            new { key = keys.Lease(partition), token = instanceId, ttl = (long)_lease.TotalMilliseconds }) == 1;
        return renewed ? at + _lease : null;
    }

    /// <summary>Frees our lease at once (otherwise it expires within the lease duration).</summary>
    public async Task ReleaseAsync(int partition, string instanceId)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, new { key = keys.Lease(partition), token = instanceId });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The lease expires by itself within LeaseDuration.
        }
    }

    /// <summary>Leaves the set of live instances (otherwise its score ages out after one lease).</summary>
    public async Task LeaveAsync(string instanceId)
    {
        try
        {
            await redis.GetDatabase().SortedSetRemoveAsync(keys.Workers, instanceId);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Its score ages out after one lease.
        }
    }
}
