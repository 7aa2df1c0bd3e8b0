using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Tests.Webhook;

/// <summary>The ingest endpoint on the web role only (no workers), so what it enqueued stays visible in the streams.</summary>
public sealed class WebhookEndpointTests
{
    private TestDatabase _database = null!;
    private ZaloBotFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _factory = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis, new Dictionary<string, string?> { ["Service:Role"] = "Web" });
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Post_ValidSignature_Returns200AndQueuesOnce()
    {
        var response = await ZaloEvents.PostAsync(_client, ZaloEvents.UserText("u1", "m-valid", "xin chào"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StreamLengthAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_MissingSignature_Returns401()
    {
        using var request = ZaloEvents.Signed(ZaloEvents.UserText("u1", "m1", "hi"));
        request.Headers.Remove(ZaloSignature.HeaderName);

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StreamLengthAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_WrongSecret_Returns401()
    {
        using var request = ZaloEvents.Signed(ZaloEvents.UserText("u1", "m1", "hi"), secret: "not-the-secret");

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StreamLengthAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_TamperedBody_Returns401()
    {
        var original = ZaloEvents.UserText("u1", "m1", "hi");
        using var signed = ZaloEvents.Signed(original);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo")
        {
            Content = new StringContent(original.Replace("hi", "ho", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, signed.Headers.GetValues(ZaloSignature.HeaderName).Single());

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("{not json")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"event_name\":\"user_send_text\"}")]
    [TestCase("")]
    public async Task Post_MalformedBody_Returns400(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, "mac=" + new string('a', 64));

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Post_OtherOa_Returns404()
    {
        var response = await ZaloEvents.PostAsync(_client, ZaloEvents.UserText("u1", "m1", "hi", oaId: "999"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await StreamLengthAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_BodyOver64KiB_Returns413()
    {
        var response = await ZaloEvents.PostAsync(_client, ZaloEvents.UserText("u1", "m1", new string('x', 70 * 1024)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await StreamLengthAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_TimestampFromLastYear_IsAccepted()
    {
        var response = await ZaloEvents.PostAsync(_client, ZaloEvents.UserText("u1", "m-old", "hi", timestamp: "1700000000000"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StreamLengthAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_SameEvent20TimesConcurrently_QueuedOnce()
    {
        var body = ZaloEvents.UserText("u1", "m-dup", "hi");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ZaloEvents.PostAsync(_client, body)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await StreamLengthAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_EveryFixtureEvent_Returns200AndQueuesEach()
    {
        var fixtures = Fixtures.All();

        var statuses = new List<HttpStatusCode>();
        foreach (var body in fixtures)
        {
            statuses.Add((await ZaloEvents.PostAsync(_client, body)).StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await StreamLengthAsync(), Is.EqualTo(fixtures.Count));
    }

    [Test]
    public async Task Post_RedisDown_StoresInPostgres()
    {
        await using var proxy = new TcpProxy(RedisPort());
        proxy.Start();
        await using var factory = new ZaloBotFactory(_database.ConnectionString, $"127.0.0.1:{proxy.Port}", new Dictionary<string, string?> { ["Service:Role"] = "Web" });
        using var client = factory.CreateClient();
        proxy.Stop();

        var response = await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u1", "m-pg", "hi"));
        var again = await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u1", "m-pg", "hi"));

        await using var db = _database.CreateContext();
        var rows = await db.InboxEvents.ToListAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(rows.Select(r => (r.DedupeKey, r.State)), Is.EqualTo(new[] { ("m-pg", InboxEventState.Pending) }));
    }

    [Test]
    public async Task Post_RedisAndPostgresDown_Returns503()
    {
        await using var redisProxy = new TcpProxy(RedisPort());
        redisProxy.Start();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var pgProxy = new TcpProxy(target.Port);
        pgProxy.Start();
        target.Port = pgProxy.Port;
        target.Pooling = false;
        target.Timeout = 2;
        await using var factory = new ZaloBotFactory(target.ConnectionString, $"127.0.0.1:{redisProxy.Port}", new Dictionary<string, string?> { ["Service:Role"] = "Web" });
        using var client = factory.CreateClient();
        redisProxy.Stop();
        pgProxy.Stop();

        var response = await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u1", "m-none", "hi"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    private async Task<long> StreamLengthAsync()
    {
        var keys = _factory.Services.GetRequiredService<RedisKeys>();
        var partitions = _factory.Services.GetRequiredService<InboundPartitions>();
        var db = TestServers.RedisConnection.GetDatabase();
        long total = 0;
        for (var p = 0; p < partitions.Count; p++)
        {
            total += await db.StreamLengthAsync(keys.Stream(p));
        }

        return total;
    }

    private static int RedisPort() => int.Parse(TestServers.Redis.Split(':')[1].Split(',')[0]);
}
