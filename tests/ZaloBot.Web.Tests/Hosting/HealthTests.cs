using System.Net;
using Npgsql;
using StackExchange.Redis;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>
/// Readiness matches the fallback (issue 9): a web pod stays ready while either store can take an event, a worker
/// while its loops run; the stores show as Degraded. These replace the earlier "Redis down = unready" expectation.
/// </summary>
public sealed class HealthTests
{
    [Test]
    public async Task Ready_WebRoleRedisStopsAndComesBack_StaysReadyAndShowsRedisDegraded()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var redisProxy = new TcpProxy(RedisPort());
        redisProxy.Start();
        await using var factory = new ZaloBotFactory(database.ConnectionString, $"127.0.0.1:{redisProxy.Port}", Role("Web"));
        using var client = factory.CreateClient();

        var before = await client.GetAsync("/health/ready");
        redisProxy.Stop();
        var whileDown = await client.GetAsync("/health/ready");
        var bodyWhileDown = await whileDown.Content.ReadAsStringAsync();
        redisProxy.Start();
        var recovered = await PollUntilAsync(client, body => body.Contains("\"redis\":{\"status\":\"Healthy\"", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bodyWhileDown, Does.Contain("\"redis\":{\"status\":\"Degraded\"").And.Contain("\"event-intake\":{\"status\":\"Degraded\",\"description\":\"Redis is down: events go to the PostgreSQL inbox\""));
        Assert.That(recovered, Is.True);
    }

    [Test]
    public async Task Ready_WebRolePostgresStops_StaysReadyThroughRedis()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (pgProxy, connectionString) = ProxiedPostgres(database);
        await using var _ = pgProxy;
        await using var factory = new ZaloBotFactory(connectionString, TestServers.Redis, Role("Web"));
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        pgProxy.Stop();
        var whileDown = await client.GetAsync("/health/ready");

        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await whileDown.Content.ReadAsStringAsync(), Does.Contain("\"postgres\":{\"status\":\"Degraded\""));
    }

    [Test]
    public async Task Ready_WebRoleBothStoresDown_TurnsUnready()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (pgProxy, connectionString) = ProxiedPostgres(database);
        await using var _ = pgProxy;
        await using var redisProxy = new TcpProxy(RedisPort());
        redisProxy.Start();
        await using var factory = new ZaloBotFactory(connectionString, $"127.0.0.1:{redisProxy.Port}", Role("Web"));
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        pgProxy.Stop();
        redisProxy.Stop();
        var whileDown = await client.GetAsync("/health/ready");

        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await whileDown.Content.ReadAsStringAsync(), Does.Contain("\"event-intake\":{\"status\":\"Unhealthy\""));
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_WorkerRoleRedisDown_StaysReadyWhileItsLoopsRun()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var redisProxy = new TcpProxy(RedisPort());
        redisProxy.Start();
        await using var factory = new ZaloBotFactory(database.ConnectionString, $"127.0.0.1:{redisProxy.Port}", Role("Worker"));
        using var client = factory.CreateClient();

        redisProxy.Stop();
        // Longer than one worker poll, shorter than the 30 s staleness limit: the loops keep beating while they retry.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var whileDown = await client.GetAsync("/health/ready");
        var body = await whileDown.Content.ReadAsStringAsync();

        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("\"workers\":{\"status\":\"Healthy\"").And.Not.Contain("event-intake"));
    }

    /// <summary>Issue 9: a pod started while Redis is down used to exit (the FAQ subscription failed at start).</summary>
    [Test]
    public async Task Start_RedisDown_StartsReadyAndSubscribesToFaqChangesOnceRedisIsBack()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var redisProxy = new TcpProxy(RedisPort());
        await using var factory = new ZaloBotFactory(database.ConnectionString, $"127.0.0.1:{redisProxy.Port}");
        var channel = new RedisKeys(Microsoft.Extensions.Options.Options.Create(new RedisOptions { KeyPrefix = factory.RedisKeyPrefix })).FaqChanged;

        using var client = factory.CreateClient();
        var whileDown = await client.GetAsync("/health/ready");
        redisProxy.Start();
        var subscribed = await EventuallySubscribedAsync(channel, TimeSpan.FromSeconds(20));

        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.OK), await whileDown.Content.ReadAsStringAsync());
        Assert.That(subscribed, Is.True, "the FAQ change subscription was not made after Redis came back");
    }

    private static Dictionary<string, string?> Role(string role) => new() { ["Service:Role"] = role };

    private static (TcpProxy Proxy, string ConnectionString) ProxiedPostgres(TestDatabase database)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var proxy = new TcpProxy(target.Port);
        proxy.Start();
        target.Port = proxy.Port;
        target.Pooling = false;
        return (proxy, target.ConnectionString);
    }

    private static int RedisPort() => int.Parse(TestServers.Redis.Split(':')[1].Split(',')[0]);

    private static async Task<bool> EventuallySubscribedAsync(RedisChannel channel, TimeSpan timeout)
    {
        var server = TestServers.RedisConnection.GetServers()[0];
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            if (await server.SubscriptionSubscriberCountAsync(channel) > 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }

    private static async Task<bool> PollUntilAsync(HttpClient client, Func<string, bool> wanted, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            if (wanted(await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync()))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }
}
