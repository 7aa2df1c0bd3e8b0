using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Inbound;

/// <summary>Which inbound stream partition a user's events go to: one user, one partition, so one owner keeps them in order.</summary>
public sealed class InboundPartitions(IOptions<InboundOptions> options)
{
    public int Count { get; } = options.Value.Partitions;

    /// <summary>Stable partition of a user (FNV-1a over the UTF-16 code units; the same in every process and version).</summary>
    public int Of(string? userId)
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

        return (int)(hash % (uint)Count);
    }
}
