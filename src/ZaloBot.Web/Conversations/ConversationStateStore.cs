using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Conversation and user state of one citizen in Redis, as a hash { v: version, s: state JSON, lm: last message
/// id, lr: its replies JSON }. Saves are compare-and-set on the version, so two turns of the same user never
/// overwrite each other. The last turn's replies are kept with the state so that an event redelivered after
/// the save (the worker died before the outbox write) gets the same replies instead of none.
/// </summary>
public sealed class ConversationStateStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>
    /// State of a citizen who has not written for 90 days is dropped: the conversation itself expires after
    /// 30 minutes idle, and what the user state keeps (handoff, flood counter, recent ids) is stale by then.
    /// </summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private static readonly RedisValue[] Fields = ["v", "s", "lm", "lr"];

    public async Task<StoredState> LoadAsync(string zaloUserId)
    {
        var values = await redis.GetDatabase().HashGetAsync(Key(zaloUserId), Fields);
        return values[0].IsNull
            ? new StoredState(null, 0, null, null)
            : new StoredState(values[1].ToString(), (long)values[0], values[2].IsNull ? null : values[2].ToString(), values[3].IsNull ? null : values[3].ToString());
    }

    /// <summary>Saves the new state and the turn's replies if the stored version is still <paramref name="expectedVersion"/>; false on a conflict.</summary>
    public async Task<bool> TrySaveAsync(string zaloUserId, long expectedVersion, string stateJson, string messageId, string repliesJson)
    {
        var key = Key(zaloUserId);
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(expectedVersion == 0 ? Condition.KeyNotExists(key) : Condition.HashEqual(key, "v", expectedVersion));
        _ = transaction.HashSetAsync(key,
        [
            new HashEntry("v", expectedVersion + 1),
            new HashEntry("s", stateJson),
            new HashEntry("lm", messageId),
            new HashEntry("lr", repliesJson),
        ]);
        _ = transaction.KeyExpireAsync(key, Retention);
        return await transaction.ExecuteAsync();
    }

    private RedisKey Key(string zaloUserId) => keys.ConversationState(zaloUserId);
}
