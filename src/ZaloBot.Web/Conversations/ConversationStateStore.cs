using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Conversation and user state of one citizen in Redis, as a hash { v: version, s: JSON }.
/// Saves are compare-and-set on the version, so two turns of the same user never overwrite each other.
/// </summary>
public sealed class ConversationStateStore(IConnectionMultiplexer redis, IOptions<RedisOptions> options)
{
    /// <summary>
    /// State of a citizen who has not written for 90 days is dropped: the conversation itself expires after
    /// 30 minutes idle, and what the user state keeps (handoff, flood counter, recent ids) is stale by then.
    /// </summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public async Task<StoredState> LoadAsync(string zaloUserId)
    {
        var values = await redis.GetDatabase().HashGetAsync(Key(zaloUserId), [(RedisValue)"v", (RedisValue)"s"]);
        return values[0].IsNull ? new StoredState(null, 0) : new StoredState(values[1].ToString(), (long)values[0]);
    }

    /// <summary>Saves <paramref name="json"/> if the stored version is still <paramref name="expectedVersion"/>; false on a conflict.</summary>
    public async Task<bool> TrySaveAsync(string zaloUserId, string json, long expectedVersion)
    {
        var key = Key(zaloUserId);
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(expectedVersion == 0 ? Condition.KeyNotExists(key) : Condition.HashEqual(key, "v", expectedVersion));
        _ = transaction.HashSetAsync(key, [new HashEntry("v", expectedVersion + 1), new HashEntry("s", json)]);
        _ = transaction.KeyExpireAsync(key, Retention);
        return await transaction.ExecuteAsync();
    }

    private RedisKey Key(string zaloUserId) => options.Value.KeyPrefix + "bot:state:" + zaloUserId;
}
