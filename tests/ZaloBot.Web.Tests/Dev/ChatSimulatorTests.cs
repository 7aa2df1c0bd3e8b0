using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Dev;

public sealed class ChatSimulatorTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public async Task SetUpAsync() => _database = await TestDatabase.CreateMigratedAsync();

    [TearDown]
    public async Task TearDownAsync() => await _database.DisposeAsync();

    [Test]
    public async Task Development_TextThenButtonTapThenImage_RepliesShowUpInMessages()
    {
        ZaloBotFactory? self = null;
        await using var factory = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Zalo:Api:OpenApiBaseUrl"] = "http://localhost/fake-zalo/",
            ["Zalo:Api:OAuthBaseUrl"] = "http://localhost/fake-zalo/",
            ["Zalo:Fake:AppId"] = ZaloBotFactory.AppId,
            ["Zalo:Fake:AppSecret"] = "fake-app-secret",
            ["Zalo:Fake:OaId"] = ZaloBotFactory.OaId,
            ["Channel:IdlePollInterval"] = "00:00:00.020",
        })
        {
            EnvironmentName = "Development",
            // Every outgoing call of the service (simulator → webhook, client → fake Zalo, media) stays in process.
            // The echo handler, not the dialog engine: this test is about the simulator's plumbing.
            ConfigureServices = services =>
            {
                services.AddScoped<ZaloBot.Web.Channel.IInboundEventHandler, ZaloBot.Web.Channel.EchoInboundEventHandler>();
                services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => self!.Server.CreateHandler()));
            },
        };
        self = factory;
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/dev/chat");
        var sent = await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-u1", kind = "text", text = "xin chào" });
        var first = await WaitForAsync(client, "dev-u1", 1);
        var button = first[0].GetProperty("buttons")[0];
        await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-u1", kind = "text", text = button.GetProperty("payload").GetString() });
        await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-u1", kind = "image" });
        var all = await WaitForAsync(client, "dev-u1", 3);

        Assert.That(page, Does.Contain("Nhập tin nhắn…"));
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(all.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[]
        {
            "Bạn vừa gửi: xin chào",
            "Bạn vừa gửi: #phan-anh",
            "Bạn vừa gửi: [Image] (1 tệp đã lưu)",
        }));
        Assert.That((button.GetProperty("title").GetString(), button.GetProperty("type").GetString()), Is.EqualTo(("Gửi phản ánh", "oa.query.show")));
        await using var db = _database.CreateContext();
        Assert.That(await db.Attachments.Select(a => a.ContentType).ToListAsync(), Is.EqualTo(new[] { "image/png" }));
    }

    [Test]
    public async Task Development_DialogEngineAnswersThroughTheSimulator()
    {
        ZaloBotFactory? self = null;
        await using var factory = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Zalo:Api:OpenApiBaseUrl"] = "http://localhost/fake-zalo/",
            ["Zalo:Api:OAuthBaseUrl"] = "http://localhost/fake-zalo/",
            ["Zalo:Fake:AppId"] = ZaloBotFactory.AppId,
            ["Zalo:Fake:AppSecret"] = "fake-app-secret",
            ["Zalo:Fake:OaId"] = ZaloBotFactory.OaId,
        })
        {
            EnvironmentName = "Development",
            ConfigureServices = services => services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => self!.Server.CreateHandler())),
        };
        self = factory;
        using var client = factory.CreateClient();

        await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-bot", kind = "text", text = "xin chào" });
        var replies = await WaitForAsync(client, "dev-bot", 1);

        Assert.That(replies, Is.Not.Empty);
        Assert.That(replies[0].GetProperty("text").GetString(), Is.Not.Empty.And.Not.StartsWith("Bạn vừa gửi"));
    }

    [Test]
    public async Task OutsideDevelopment_SimulatorAndFakeAreNotMapped()
    {
        await using var factory = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis);
        using var client = factory.CreateClient();

        var chat = await client.GetAsync("/dev/chat");
        var messages = await client.GetAsync("/dev/zalo/messages?user_id=u");
        var events = await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "u", kind = "text", text = "x" });
        var fake = await client.PostAsync("/fake-zalo/_control/tokens", null);

        Assert.That(new[] { chat.StatusCode, messages.StatusCode, events.StatusCode, fake.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<List<JsonElement>> WaitForAsync(HttpClient client, string userId, int count)
    {
        List<JsonElement> messages = [];
        await Eventually.TrueAsync(async () =>
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/dev/zalo/messages?user_id={userId}"));
            messages = [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
            return messages.Count >= count;
        }, TimeSpan.FromSeconds(20));
        return messages;
    }
}
