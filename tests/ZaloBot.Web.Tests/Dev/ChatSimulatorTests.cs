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
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Outbox:IdlePollInterval"] = "00:00:00.080",
        })
        {
            EnvironmentName = "Development",
            // Every outgoing call of the service (simulator → webhook, client → fake Zalo, media) stays in process.
            ConfigureServices = services => services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => self!.Server.CreateHandler())),
        };
        self = factory;
        using var client = factory.CreateClient();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Storage.ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        await factory.Services.GetRequiredService<Web.Faq.LiveRecognizer>().RebuildAsync(CancellationToken.None);

        var page = await client.GetStringAsync("/dev/chat");
        var sent = await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-u1", kind = "text", text = "xin chào" });
        var welcome = await WaitForAsync(client, "dev-u1", 1);
        var feedbackButton = welcome[0].GetProperty("buttons").EnumerateArray().Single(b => b.GetProperty("title").GetString() == "Gửi phản ánh");
        // Tapping an oa.query.show button makes Zalo send its payload as the citizen's text.
        await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-u1", kind = "text", text = feedbackButton.GetProperty("payload").GetString() });
        // Ten seeded categories: the question and two messages of at most five buttons.
        var afterTap = await WaitForAsync(client, "dev-u1", 3);
        await client.PostAsJsonAsync("/dev/zalo/events", new { user_id = "dev-u1", kind = "image" });
        var afterImage = await WaitForAsync(client, "dev-u1", afterTap.Count + 1);

        Assert.That(page, Does.Contain("Nhập tin nhắn…"));
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(welcome[0].GetProperty("text").GetString(), Does.StartWith("Xin chào"));
        Assert.That(welcome[0].GetProperty("buttons").GetArrayLength(), Is.EqualTo(5));
        Assert.That(feedbackButton.GetProperty("type").GetString(), Is.EqualTo("oa.query.show"));
        Assert.That(afterTap[1].GetProperty("text").GetString(), Does.Contain("lĩnh vực"));
        Assert.That(afterImage, Has.Count.GreaterThan(afterTap.Count));
        await using var db = _database.CreateContext();
        Assert.That(await db.Attachments.Select(a => a.ContentType).ToListAsync(), Is.EqualTo(new[] { "image/png" }));
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
