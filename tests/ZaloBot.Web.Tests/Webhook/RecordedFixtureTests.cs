using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Tests.Webhook;

/// <summary>Every recorded payload of the channel library (tests/ZaloBot.Zalo.Tests/Fixtures), as sent by Zalo.</summary>
public sealed class RecordedFixtureTests
{
    private const string FixtureOaId = "388613280878808645";
    private const string FixtureAppId = "3608465248940903967";

    [Test]
    public async Task Post_EveryRecordedFixture_Accepted_ProcessedOnceEach_ReplayDeduplicated()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ZaloFixtures"), "*.json").Order().ToList();
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        var handler = new RecordingHandler();
        await using var host = WorkerHost.Create(database, fake, handler, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Webhook:OaId"] = FixtureOaId,
            ["Zalo:Tokens:OaId"] = FixtureOaId,
            ["Zalo:Webhook:AppId"] = FixtureAppId,
        });
        using var client = host.CreateClient();

        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var file in files.Concat(files))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(FixtureAppId, bytes, ZaloBotFactory.OaSecretKey));
            statuses[Path.GetFileNameWithoutExtension(file)] = (await client.SendAsync(request)).StatusCode;
        }

        // Citizen events reach the handler: user_send_* (10), follow, unfollow, user_submit_info (2), user_reacted_message.
        var citizenEvents = files.Count(f => Path.GetFileName(f) is var n && (n.StartsWith("user_send_", StringComparison.Ordinal)
            || n.StartsWith("follow", StringComparison.Ordinal) || n.StartsWith("unfollow", StringComparison.Ordinal)
            || n.StartsWith("user_submit_info", StringComparison.Ordinal) || n.StartsWith("user_reacted", StringComparison.Ordinal)));
        var handled = await Eventually.TrueAsync(() => handler.Seen.Count >= citizenEvents, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.That(files, Has.Count.EqualTo(21));
        Assert.That(statuses.Where(s => s.Value != HttpStatusCode.OK), Is.Empty);
        Assert.That(handled, Is.True);
        Assert.That(handler.Seen.Count, Is.EqualTo(citizenEvents));
        Assert.That(handler.Seen.Select(s => s.Key).Distinct().Count(), Is.EqualTo(citizenEvents));
        await using var db = database.CreateContext();
        Assert.That(await db.InboxEvents.Select(e => e.EventName).ToListAsync(), Is.EqualTo(new[] { "add_user_to_tag" }));
        Assert.That(await db.Transcript.CountAsync(t => t.Direction == ZaloBot.Web.Conversations.TranscriptDirection.FromStaff), Is.EqualTo(1));
    }
}
