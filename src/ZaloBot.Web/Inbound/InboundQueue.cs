using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Puts verified events on the partitioned Redis streams, deduplicated: one Lua script does
/// <c>SET {in:p}:dedupe:key NX PX retention</c> and, only if it was new, <c>XADD {in:p}</c> (one hash slot). Atomic, so 20
/// concurrent deliveries of one msg_id add one stream entry. Used by the webhook, the PostgreSQL fallback forwarder
/// and the dead-letter re-drive.
/// </summary>
public sealed class InboundQueue(IConnectionMultiplexer redis, RedisKeys keys, InboundPartitions partitions, IOptions<InboundOptions> options, InboundWorkSignal signal)
{
    /// <summary>Stream entry fields: the dedupe key, the user id and the raw body.</summary>
    public const string KeyField = "k";
    public const string UserField = "u";
    public const string BodyField = "b";

    private static readonly LuaScript Enqueue = LuaScript.Prepare("""
        if redis.call('SET', @dedupe, '1', 'NX', 'PX', @ttl) then
          return redis.call('XADD', @stream, '*', 'k', @key, 'u', @user, 'b', @body)
        end
        return false
        """);

    private static readonly LuaScript Redrive = LuaScript.Prepare("""
        redis.call('DEL', @done)
        redis.call('SET', @dedupe, '1', 'PX', @ttl)
        return redis.call('XADD', @stream, '*', 'k', @key, 'u', @user, 'b', @body)
        """);

    private readonly long _ttlMs = (long)options.Value.DedupeRetention.TotalMilliseconds;

    /// <summary>True when the event was new and was added; false for a duplicate. Throws when Redis fails.</summary>
    public async Task<bool> EnqueueAsync(string dedupeKey, string? userId, string body)
    {
        var partition = partitions.Of(userId);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(Enqueue, new
        {
            dedupe = keys.Dedupe(partition, dedupeKey),
            stream = keys.Stream(partition),
            ttl = _ttlMs,
            key = dedupeKey,
            user = userId ?? "",
            body,
        });
        var added = !result.IsNull;
        if (added)
        {
            signal.Pulse();
        }

        return added;
    }

    /// <summary>Adds an event again regardless of its dedupe and processed markers (dead-letter re-drive).</summary>
    public async Task RedriveAsync(string dedupeKey, string? userId, string body)
    {
        var partition = partitions.Of(userId);
        await redis.GetDatabase().ScriptEvaluateAsync(Redrive, new
        {
            done = keys.Done(partition, dedupeKey),
            dedupe = keys.Dedupe(partition, dedupeKey),
            stream = keys.Stream(partition),
            ttl = _ttlMs,
            key = dedupeKey,
            user = userId ?? "",
            body,
        });
        await redis.GetDatabase().HashDeleteAsync(keys.Attempts(partition), dedupeKey);
        signal.Pulse();
    }
}
