using ZaloBot.Web.Conversations;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Media;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Media;

/// <summary>
/// Server-side request forgery through a signed event, with the production media client (real sockets, address
/// guard): a loopback target that would answer is never reached, whether named by address, by a name that resolves
/// to it, or through a redirect; metadata and private addresses are refused before any connection. The message is
/// still handled, and the citizen is told once that the photos did not arrive.
/// </summary>
public sealed class MediaSsrfTests
{
    [Test]
    public async Task SignedEvent_LoopbackPrivateMetadataAndRedirectingUrls_NoFetch_MessageHandled_CitizenToldOnce()
    {
        var hits = 0;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var target = builder.Build();
        target.Use((HttpContext _, RequestDelegate _) =>
        {
            Interlocked.Increment(ref hits);
            return Task.CompletedTask;
        });
        await target.StartAsync();
        var port = new Uri(target.Urls.First()).Port;

        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        var handler = new RecordingHandler();
        await using var guarded = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            // The loopback names are allowed on purpose: the address guard, not the host list, must stop them.
            ["Media:AllowedHosts:0"] = "127.0.0.1",
            ["Media:AllowedHosts:1"] = "localhost",
            ["Media:AllowedHosts:2"] = "*.zdn.vn",
            ["Inbound:RetryBaseDelay"] = "00:00:00.020",
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
        })
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<ITurnFunction>(handler);
                fake.Attach(services);
                // Back to the production media handler (the fake Zalo took every client): real sockets through the guard.
                services.PostConfigure<HttpClientFactoryOptions>(MediaFetcher.HttpClientName,
                    o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = MediaConfiguration.CreateHandler(allowPrivate: false)));
            },
        };
        using var client = guarded.CreateClient();
        await fake.AuthoriseAsync(guarded.Services);

        string[] urls =
        [
            $"http://127.0.0.1:{port}/a.jpg",
            $"http://localhost:{port}/b.jpg",
            $"http://[::ffff:127.0.0.1]:{port}/c.jpg",
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://10.0.0.7/d.jpg",
            "http://192.168.1.1/e.jpg",
            // An allowed-looking name whose redirect would lead to the target.
            $"http://127.0.0.1:{port}/redirect?to=http://localhost:{port}/f.jpg",
        ];
        var body = ZaloEvents.Message("user_send_image", "u-ssrf", ZaloBotFactory.OaId, new JsonObject
        {
            ["msg_id"] = "m-ssrf",
            ["text"] = "ảnh ổ gà",
            ["attachments"] = new JsonArray([.. urls.Select(u => (JsonNode)new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = u } })]),
        });

        var response = await ZaloEvents.PostAsync(client, body);
        var handled = await Eventually.TrueAsync(() => handler.Seen.Count == 1, TimeSpan.FromSeconds(30));
        var told = await Eventually.TrueAsync(() => fake.State.GetMessages("u-ssrf").Count >= 1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hits, Is.Zero, "the loopback target was reached");
        Assert.That(handled, Is.True, "the message is handled without its photos");
        Assert.That(handler.Turns.Single().AttachmentIds, Is.Empty);
        Assert.That(told, Is.True);
        Assert.That(fake.State.GetMessages("u-ssrf").Select(m => m.Text), Is.EqualTo(new[] { guarded.Services.GetRequiredService<ZaloBot.Dialogs.Content.BotTexts>().MediaSkipped }));
        await using var db = database.CreateContext();
        Assert.That(await db.Attachments.CountAsync(), Is.Zero);
        Assert.That(await db.InboxEvents.CountAsync(e => e.State == InboxEventState.DeadLettered), Is.Zero);
    }
}
