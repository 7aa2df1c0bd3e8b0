using Microsoft.Extensions.Options;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Tests.Storage;

public sealed class RedisKeysTests
{
    private static readonly RedisKeys Keys = new(Options.Create(new RedisOptions { KeyPrefix = "zalobot:" }));

    [Test]
    public void PartitionKeys_OfOneScript_ShareOneClusterSlot([Range(0, 15)] int partition)
    {
        // The enqueue script (dedupe + stream), the re-drive script (done + dedupe + stream) and the ack transaction
        // (stream + attempts + done) each run on one slot in Redis Cluster, or fail with CROSSSLOT.
        var slot = Slot(Keys.Stream(partition));

        Assert.That(Slot(Keys.Dedupe(partition, "msg-1")), Is.EqualTo(slot));
        Assert.That(Slot(Keys.Done(partition, "other-msg")), Is.EqualTo(slot));
        Assert.That(Slot(Keys.Attempts(partition)), Is.EqualTo(slot));
        Assert.That(Slot(Keys.Lease(partition)), Is.EqualTo(slot));
    }

    [Test]
    public void Streams_OfDifferentPartitions_SpreadOverSlots()
    {
        var slots = Enumerable.Range(0, 16).Select(p => Slot(Keys.Stream(p))).Distinct().Count();

        Assert.That(slots, Is.EqualTo(16));
    }

    [Test]
    public void ClusterSlot_KnownKeys_MatchTheSpecification()
    {
        // Values from the Redis Cluster specification and CLUSTER KEYSLOT.
        Assert.That(ClusterSlot.Of("123456789"), Is.EqualTo(12739));
        Assert.That(ClusterSlot.Of("foo{123456789}bar"), Is.EqualTo(12739));
    }

    [Test]
    public void Keys_CarryThePrefix()
    {
        Assert.That((string?)Keys.Stream(3), Is.EqualTo("zalobot:{in:3}"));
        Assert.That((string?)Keys.Dedupe(3, "m"), Is.EqualTo("zalobot:{in:3}:dedupe:m"));
        Assert.That((string?)Keys.Sent("x"), Is.EqualTo("zalobot:out:sent:x"));
    }

    private static int Slot(StackExchange.Redis.RedisKey key) => ClusterSlot.Of(key.ToString());
}
