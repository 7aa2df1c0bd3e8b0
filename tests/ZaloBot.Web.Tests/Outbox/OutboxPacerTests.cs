using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Web.ZaloTokens;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Tests.Outbox;

/// <summary>
/// The pacer over the OA's send budget: in memory (one process) and on the real Redis (several processes sharing it).
/// Time is a <see cref="FakeTimeProvider"/> moved in 10 ms steps; in each step every pacer takes notifications until it
/// is refused, so the counts are exact whatever the machine's load.
/// </summary>
public sealed class OutboxPacerTests
{
    private const string Oa = "2000000000000000002";

    /// <summary>
    /// 5 s with quiet citizens: the bucket starts full (reserve 10 + burst 10), 10 notifications go at once (down to the
    /// reserve), then 0.57 per 10 ms step: 285 more in 500 steps (the last fraction may be just short of a whole token).
    /// </summary>
    private const int OneBudgetInFiveSeconds = 10 + 285;

    private readonly List<ConnectionMultiplexer> _connections = [];

    [TearDown]
    public async Task TearDown()
    {
        foreach (var c in _connections)
        {
            await c.DisposeAsync();
        }

        _connections.Clear();
    }

    [Test]
    public async Task InteractiveRepliesTakeTheBudget_NotificationsGetOnlyWhatIsLeft()
    {
        var time = new FakeTimeProvider();
        var pacer = Pacer(new LocalRateBudget(time), time);
        for (var i = 0; i < 60; i++)
        {
            await pacer.TakeInteractiveAsync(CancellationToken.None); // never waits, even into debt
        }

        var notification = pacer.WaitForNotificationAsync(CancellationToken.None);
        var waitedWhileSpent = !notification.IsCompleted;
        // 20 − 60 = −40: 51 tokens back (40 of debt, 10 reserved, 1 to take) need 90 steps of 0.57 (0.9 s).
        time.Advance(TimeSpan.FromMilliseconds(880));
        var waitedBeforeTheReserveWasBack = !notification.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.That(waitedWhileSpent, Is.True, "a notification waits while interactive replies use the budget");
        Assert.That(waitedBeforeTheReserveWasBack, Is.True, "until the reserve and one token are back");
        Assert.That(await notification.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully), Is.True,
            "and goes once the budget is back beyond the interactive reserve");
    }

    [Test]
    public async Task QuietCitizens_NotificationsDrainAtNinetyFivePercentOfTheClientLimit()
    {
        var time = new FakeTimeProvider();

        var sent = await DrainAsync(time, [Pacer(new LocalRateBudget(time), time)]);

        Assert.That(sent.Single(), Is.InRange(OneBudgetInFiveSeconds - 1, OneBudgetInFiveSeconds));
    }

    [Test]
    public async Task TwoProcessesOnRedis_NotificationsTogetherSendWhatOneBudgetAllows()
    {
        var time = new FakeTimeProvider();
        var prefix = Prefix();
        var first = Pacer(await RedisBudgetAsync(TestServers.Redis, prefix, time), time);
        var second = Pacer(await RedisBudgetAsync(TestServers.Redis, prefix, time), time);

        var sent = await DrainAsync(time, [first, second]);

        // Per process, each alone would send a whole budget: 2 × 295. Shared, the two together send one.
        Assert.That(sent.Sum(), Is.InRange(OneBudgetInFiveSeconds - 1, OneBudgetInFiveSeconds));
        Assert.That(sent, Is.All.GreaterThan(100), "both processes get a part of it");
    }

    [Test]
    public async Task TwoProcessesOnRedis_InteractiveRepliesOfOneHoldBackTheOthersNotifications()
    {
        var time = new FakeTimeProvider();
        var prefix = Prefix();
        var chatting = Pacer(await RedisBudgetAsync(TestServers.Redis, prefix, time), time);
        var broadcasting = Pacer(await RedisBudgetAsync(TestServers.Redis, prefix, time), time);
        for (var i = 0; i < 50; i++)
        {
            await chatting.TakeInteractiveAsync(CancellationToken.None);
        }

        // 20 − 50 = −30, below the reserve of 10 + 1: the other process may not send a notification.
        var refused = await broadcasting.TryTakeNotificationAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(710)); // + 71 × 0.57 = 10.47, still below 11
        var stillRefused = await broadcasting.TryTakeNotificationAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(10)); // 11.04
        var granted = await broadcasting.TryTakeNotificationAsync(CancellationToken.None);

        Assert.That((refused.Granted, stillRefused.Granted, granted.Granted), Is.EqualTo((false, false, true)));
        Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromMilliseconds(720)), "41 tokens short of 11 is 72 steps of 0.57");
    }

    [Test]
    public async Task RedisUnreachable_EachProcessKeepsToItsShareOfTheBudget()
    {
        var time = new FakeTimeProvider();
        // Nothing listens on port 1: every script fails at once (fail-fast backlog, as in production).
        var budget = await RedisBudgetAsync("127.0.0.1:1", Prefix(), time);

        var sent = await DrainAsync(time, [Pacer(budget, time)]);

        // 1/4 of the budget (RateLimitInstances = 4): four such processes together never exceed one budget.
        Assert.That(budget.OnLocalShare, Is.True);
        Assert.That(sent.Single(), Is.InRange(OneBudgetInFiveSeconds / 4 - 2, OneBudgetInFiveSeconds / 4));
    }

    [Test]
    public async Task RedisScript_AnswersLikeTheInMemoryBucket()
    {
        var time = new FakeTimeProvider();
        var redis = await RedisBudgetAsync(TestServers.Redis, Prefix(), time);
        var local = new LocalRateBudget(time);
        var bucket = new RateBucket("zalo:" + Oa, 2, TimeSpan.FromSeconds(1), 5);
        var steps = new[] { 0, 0, 0, 0, 0, 0, 0, 300, 700, 0, 0, 0, 2500, 0, 0, 0, 0, 0, 0, 0, 100, 60_000, 0 };
        var fromRedis = new List<RateBudgetAnswer>();
        var fromMemory = new List<RateBudgetAnswer>();
        foreach (var ms in steps)
        {
            time.Advance(TimeSpan.FromMilliseconds(ms));
            fromRedis.Add(await redis.TryTakeAsync(bucket, CancellationToken.None));
            fromMemory.Add(await local.TryTakeAsync(bucket, CancellationToken.None));
        }

        Assert.That(fromRedis, Is.EqualTo(fromMemory));
        Assert.That(fromRedis.Count(a => a.Granted), Is.EqualTo(5 + 2 + 4 + 1 + 1), "a burst of 5, 2 a second after");
    }

    [Test]
    public async Task ClientBucketOnRedis_TwoProcessesShareOneBurst()
    {
        var time = new FakeTimeProvider();
        var prefix = Prefix();
        var budgets = new[] { await RedisBudgetAsync(TestServers.Redis, prefix, time), await RedisBudgetAsync(TestServers.Redis, prefix, time) };
        // The client limiter's bucket of Calls_OverClientRateLimit: a burst of 3, 1 a minute.
        var bucket = new RateBucket("zalo:" + Oa, 1, TimeSpan.FromMinutes(1), 3);

        var granted = 0;
        for (var i = 0; i < 10; i++)
        {
            granted += (await budgets[i % 2].TryTakeAsync(bucket, CancellationToken.None)).Granted ? 1 : 0;
        }

        Assert.That(granted, Is.EqualTo(3));
    }

    /// <summary>500 steps of 10 ms; in each, the pacers take notifications in turn until all are refused. Returns each one's count.</summary>
    private static async Task<int[]> DrainAsync(FakeTimeProvider time, OutboxPacer[] pacers)
    {
        var sent = new int[pacers.Length];
        for (var step = 0; step <= 500; step++)
        {
            for (var granted = true; granted;)
            {
                granted = false;
                for (var i = 0; i < pacers.Length; i++)
                {
                    var p = (step + i) % pacers.Length; // each process first in turn
                    if ((await pacers[p].TryTakeNotificationAsync(CancellationToken.None)).Granted)
                    {
                        sent[p]++;
                        granted = true;
                    }
                }
            }

            if (step < 500)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        return sent;
    }

    private static OutboxPacer Pacer(IZaloRateBudget budget, TimeProvider time) =>
        new(budget, Options.Create(new ZaloResilienceOptions()), Options.Create(new ZaloTokenOptions { OaId = Oa }), time);

    private static string Prefix() => "test:" + Guid.NewGuid().ToString("N")[..10] + ":";

    /// <summary>A budget on its own connection, as another process would have.</summary>
    private async Task<RedisRateBudget> RedisBudgetAsync(string address, string prefix, TimeProvider time)
    {
        var config = ConfigurationOptions.Parse(address);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = 500;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        var connection = await ConnectionMultiplexer.ConnectAsync(config);
        _connections.Add(connection);
        return new RedisRateBudget(connection, new RedisKeys(Options.Create(new RedisOptions { KeyPrefix = prefix })),
            Options.Create(new ZaloResilienceOptions()), time, NullLogger<RedisRateBudget>.Instance);
    }
}
