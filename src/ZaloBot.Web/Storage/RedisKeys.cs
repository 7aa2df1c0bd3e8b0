using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ZaloBot.Web.Storage;

/// <summary>
/// Every Redis key and channel of the service, in one place, under <see cref="RedisOptions.KeyPrefix"/> (see
/// docs/channel.md). The keys of one inbound partition share the hash tag <c>{in:p}</c>, so the enqueue script
/// (dedupe + XADD), the re-drive script and the ack transaction (XACK, XDEL, attempts) touch one Redis Cluster
/// slot and never fail with CROSSSLOT; the two sign-in counters share <c>{signin}</c> for the same reason. Every other key is used alone by each command or script that touches it.
/// </summary>
public sealed class RedisKeys(IOptions<RedisOptions> redis)
{
    /// <summary>The consumer group of every inbound stream.</summary>
    public const string ConsumerGroup = "workers";

    private readonly string _prefix = redis.Value.KeyPrefix;

    /// <summary><c>{in:p}</c>: the unprocessed events of partition p.</summary>
    public RedisKey Stream(int partition) => $"{_prefix}{Tag(partition)}";

    /// <summary><c>{in:p}:lease</c>: the worker instance that owns partition p.</summary>
    public RedisKey Lease(int partition) => $"{_prefix}{Tag(partition)}:lease";

    /// <summary><c>{in:p}:dedupe:key</c>: an event the webhook has seen (Zalo re-deliveries are dropped).</summary>
    public RedisKey Dedupe(int partition, string dedupeKey) => $"{_prefix}{Tag(partition)}:dedupe:{dedupeKey}";

    /// <summary><c>{in:p}:attempts</c>: failure counts of partition p's events, by dedupe key.</summary>
    public RedisKey Attempts(int partition) => $"{_prefix}{Tag(partition)}:attempts";

    /// <summary><c>in:workers</c>: live worker instances (sorted set, score = last heartbeat in ms).</summary>
    public RedisKey Workers => $"{_prefix}in:workers";

    /// <summary><c>out:sent:id</c>: a message we sent, to drop its <c>oa_send_*</c> echo.</summary>
    public RedisKey Sent(string messageId) => $"{_prefix}out:sent:{messageId}";

    /// <summary><c>rate:name</c>: a token bucket of the OA's Zalo send budget, shared by every process (hash: tokens, refill time).</summary>
    public RedisKey RateBucket(string name) => $"{_prefix}rate:{name}";

    /// <summary><c>{signin}:a:address</c>: sign-in attempts from one client address in the current window.</summary>
    public RedisKey SignInAddress(string address) => $"{_prefix}{{signin}}:a:{address}";

    /// <summary><c>{signin}:e:sha256</c>: sign-in attempts on one e-mail (hashed) in the current window; same slot as the address.</summary>
    public RedisKey SignInAccount(string emailHash) => $"{_prefix}{{signin}}:e:{emailHash}";

    /// <summary>A distributed lock named by its owner (the Zalo library's <c>zalo:token-refresh:{oa}</c>).</summary>
    public RedisKey Lock(string name) => $"{_prefix}{name}";

    /// <summary><c>faq:changed</c>: pub/sub channel announcing an FAQ edit to every instance.</summary>
    public RedisChannel FaqChanged => RedisChannel.Literal($"{_prefix}faq:changed");

    private static string Tag(int partition) => $"{{in:{partition}}}";
}
