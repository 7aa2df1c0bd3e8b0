using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Storage;

/// <summary>
/// The channel on a three-node Redis Cluster (started by deploy/local/services.sh start-cluster): the enqueue script,
/// the worker's reads, acks (MULTI) and leases all run, because the keys each one touches share a hash slot.
/// </summary>
public sealed class RedisClusterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Cluster() =>
        Environment.GetEnvironmentVariable("ZALOBOT_TEST_REDIS_CLUSTER") is { Length: > 0 } cluster
            ? cluster
            : throw new InvalidOperationException("ZALOBOT_TEST_REDIS_CLUSTER is not set: run the tests with ./zalobot test, which starts the cluster.");

    [Test]
    public async Task UntaggedKeysOfOneScript_FailWithCrossSlot_TheProblemThisSolves()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Cluster());
        var script = LuaScript.Prepare("redis.call('SET', @a, '1') return redis.call('SET', @b, '1')");

        // The keys the enqueue script used before hash tags: "in:dedupe:{key}" and "in:{p}" (literal braces around
        // the variable parts made every key its own tag).
        var ex = Assert.ThrowsAsync<RedisCommandException>(async () =>
            await redis.GetDatabase().ScriptEvaluateAsync(script, new { a = (RedisKey)"t:in:dedupe:msg-1", b = (RedisKey)"t:in:3" }));

        // StackExchange.Redis refuses it before sending (the server would answer CROSSSLOT).
        Assert.That(ex!.Message, Does.Contain("single slot"));
    }

    [Test]
    public async Task EventsOfManyUsers_ThroughWebhookAndWorkersOnACluster_EachProcessedOnceInOrder()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        var handler = new RecordingHandler { Reply = true };
        await using var host = WorkerHost.Create(database, fake, handler, Cluster());
        using var client = host.CreateClient();
        await fake.AuthoriseAsync(host.Services);

        // 24 users over 8 partitions: every partition's script, reads, acks and lease run on its own slot.
        const int users = 24;
        for (var i = 0; i < 3; i++)
        {
            for (var u = 0; u < users; u++)
            {
                await ZaloEvents.PostAsync(client, ZaloEvents.UserText($"u-cl-{u}", $"cl-{u}-{i}", $"{i}"));
            }
        }

        // A Zalo redelivery of one of them is dropped by the dedupe key.
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-cl-0", "cl-0-0", "0"));

        await using var db = database.CreateContext();
        var done = await Eventually.TrueAsync(async () => await db.OutboundMessages.CountAsync(m => m.State == Web.Outbox.OutboundState.Sent) == users * 3, Wait);

        Assert.That(done, Is.True, $"sent {await db.OutboundMessages.CountAsync(m => m.State == Web.Outbox.OutboundState.Sent)} of {users * 3}");
        Assert.That(handler.Seen.Count, Is.EqualTo(users * 3));
        Assert.That(handler.TextsOf("u-cl-5"), Is.EqualTo(new[] { "0", "1", "2" }));
        Assert.That(await db.InboxEvents.CountAsync(), Is.Zero, "nothing fell back to PostgreSQL or was dead-lettered");
    }
}
