using System.Net;
using Npgsql;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

public sealed class HealthTests
{
    [Test]
    public async Task Ready_RedisStopsAndComesBack_TurnsUnreadyThenReady()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var redisProxy = new TcpProxy(RedisPort());
        redisProxy.Start();
        await using var factory = new ZaloBotFactory(database.ConnectionString, $"127.0.0.1:{redisProxy.Port}");
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        redisProxy.Stop();
        var whileDown = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        redisProxy.Start();
        var recovered = await PollUntilAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(20));

        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await whileDown.Content.ReadAsStringAsync(), Does.Contain("\"redis\":{\"status\":\"Unhealthy\""));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(recovered, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_PostgresStops_TurnsUnready()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var pgProxy = new TcpProxy(target.Port);
        pgProxy.Start();
        target.Port = pgProxy.Port;
        target.Pooling = false;
        await using var factory = new ZaloBotFactory(target.ConnectionString, TestServers.Redis);
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        pgProxy.Stop();
        var whileDown = await client.GetAsync("/health/ready");

        Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await whileDown.Content.ReadAsStringAsync(), Does.Contain("\"postgres\":{\"status\":\"Unhealthy\""));
    }

    private static int RedisPort() => int.Parse(TestServers.Redis.Split(':')[1].Split(',')[0]);

    private static async Task<HttpStatusCode> PollUntilAsync(HttpClient client, HttpStatusCode wanted, TimeSpan timeout)
    {
        var last = HttpStatusCode.InternalServerError;
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            last = (await client.GetAsync("/health/ready")).StatusCode;
            if (last == wanted)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return last;
    }
}
