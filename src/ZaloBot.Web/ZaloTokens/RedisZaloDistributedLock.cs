using StackExchange.Redis;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.ZaloTokens;

/// <summary>
/// The token-refresh lock on Redis: <c>SET key token NX PX lease</c>, retried every 50 ms until the wait is over;
/// released only if the key still holds our token (a Lua compare-and-delete), so an expired holder never frees
/// someone else's lock. Keys are under the Redis key prefix.
/// </summary>
public sealed class RedisZaloDistributedLock(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time) : IZaloDistributedLock
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(50);

    private static readonly LuaScript Release = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) end return 0");

    public async Task<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        var fullKey = keys.Lock(key);
        var token = Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (await db.StringSetAsync(fullKey, token, lease, When.NotExists))
            {
                return new Handle(db, fullKey, token);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(RetryEvery, time, cancellationToken);
        }
    }

    private sealed class Handle(IDatabase db, RedisKey key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await db.ScriptEvaluateAsync(Release, new { key, token });
    }
}
