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
    public async Task Post_TimestampOfZalosLastRedelivery_IsAccepted()
    {
        // Zalo's last retry comes ~1.8 h after the event, with the original timestamp.
        var twoHoursAgo = TimeProvider.System.GetUtcNow().AddHours(-2).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await ZaloEvents.PostAsync(_client, ZaloEvents.UserText("u1", "m-old", "hi", timestamp: twoHoursAgo));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StreamLengthAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_SignedTimestampOlderThanMaxEventAge_Returns401AndQueuesNothing()
    {
        // A captured body replayed after the 24 h window (the dedupe key would have caught it inside the window).
        var response = await ZaloEvents.PostAsync(_client, ZaloEvents.UserText("u1", "m-replay", "hi", timestamp: "1700000000000"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StreamLengthAsync(), Is.Zero);
    }

    [TestCase(@"\ud800", true)]
    [TestCase(@"\udfff tail", true)]
    [TestCase(@"a\u0000b", true)]
    [TestCase(@"\ud800", false)]
    public async Task Post_StringThatIsNotText_Returns400BeforeAndAfterTheMac(string escaped, bool signed)
    {
        // Escaped lone surrogates used to throw InvalidOperationException from GetString (a 500), unsigned ones before the MAC.
        var body = ZaloEvents.UserText("u1", "m-bad-text", "PLACEHOLDER").Replace("PLACEHOLDER", escaped, StringComparison.Ordinal);
        using var request = ZaloEvents.Signed(body, secret: signed ? ZaloBotFactory.OaSecretKey : "wrong");

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(await StreamLengthAsync(), Is.Zero);
    }

    [TestCase("timestamp")]
    [TestCase("oa_id")]
    [TestCase("event_name")]
    public async Task Post_LoneSurrogateInTopLevelField_Unsigned_Returns400(string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo")
        {
            Content = new StringContent($$"""{"{{field}}":"\ud800","timestamp":"1"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, "mac=" + new string('a', 64));

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Post_InvalidUtf8_Returns400()
    {
        var text = Encoding.UTF8.GetBytes(ZaloEvents.UserText("u1", "m-utf8", "XY"));
        var at = Array.IndexOf(text, (byte)'X');
        text[at] = 0xC3;
        text[at + 1] = 0x28;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(text) };
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(ZaloBotFactory.AppId, text, ZaloBotFactory.OaSecretKey));

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Post_SenderIdLongerThan64_KeptRawAndAcknowledged_NotQueued()
    {
        // Such an event failed every write downstream, its dead letter included, and blocked its partition.
        var body = ZaloEvents.UserText(new string('9', 65), "m-long-sender", "hi");

        var response = await ZaloEvents.PostAsync(_client, body);
        var again = await ZaloEvents.PostAsync(_client, body);

        Assert.That((response.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(await StreamLengthAsync(), Is.Zero);
        await using var db = _database.CreateContext();
        var rows = await db.InboxEvents.Select(e => new { e.EventName, e.ZaloUserId, e.State, e.LastError, e.Payload }).ToListAsync();
        Assert.That(rows.Select(r => (r.EventName, r.ZaloUserId, r.State, r.LastError, r.Payload)),
            Is.EqualTo(new[] { ("user_send_text", (string?)null, InboxEventState.Forwarded, (string?)"kept raw: user id longer than 64 characters", body) }));
    }

    [TestCase("""{"msg_id":{"id":"m1"},"react_icon":["/-heart"]}""")]
    [TestCase("\"/-heart\"")]
    [TestCase("""{"react_icon":"/-remove","msg_ids":["m1","m2"]}""")]
    public async Task Post_ReactionOfUnexpectedShape_Returns200AndQueues(string message)
    {
        var body = $$"""{"app_id":"{{ZaloBotFactory.AppId}}","event_name":"user_reacted_message","sender":{"id":"u1"},"recipient":{"id":"{{ZaloBotFactory.OaId}}"},"message":{{message}},"timestamp":"{{ZaloEvents.NextTimestamp()}}"}""";

        var response = await ZaloEvents.PostAsync(_client, body);

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
