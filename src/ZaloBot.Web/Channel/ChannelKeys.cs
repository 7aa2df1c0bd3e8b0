using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Channel;

/// <summary>
/// Every Redis key of the channel, under <see cref="RedisOptions.KeyPrefix"/> (see docs/channel.md):
/// <c>in:{p}</c> inbound stream of partition p; <c>in:lease:{p}</c> its owner; <c>in:dedupe:{key}</c> seen events;
/// <c>in:done:{key}</c> processed events; <c>in:attempts</c> failure counts; <c>in:workers</c> live worker instances;
/// <c>out:sent:{message_id}</c> our own sends (to drop echoes).
/// </summary>
public sealed class ChannelKeys(IOptions<RedisOptions> redis, IOptions<ChannelOptions> channel)
{
    public const string ConsumerGroup = "workers";

    private readonly string _prefix = redis.Value.KeyPrefix;

    public int Partitions { get; } = channel.Value.Partitions;

    public RedisKey Stream(int partition) => $"{_prefix}in:{partition}";

    public RedisKey Lease(int partition) => $"{_prefix}in:lease:{partition}";

    public RedisKey Dedupe(string dedupeKey) => $"{_prefix}in:dedupe:{dedupeKey}";

    public RedisKey Done(string dedupeKey) => $"{_prefix}in:done:{dedupeKey}";

    public RedisKey Attempts => $"{_prefix}in:attempts";

    public RedisKey Workers => $"{_prefix}in:workers";

    public RedisKey Sent(string messageId) => $"{_prefix}out:sent:{messageId}";

    /// <summary>Stable partition of a user (FNV-1a over the UTF-16 code units; the same in every process and version).</summary>
    public int PartitionOf(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Partitions);
    }
}
