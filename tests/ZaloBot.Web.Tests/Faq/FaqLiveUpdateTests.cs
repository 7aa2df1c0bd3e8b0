using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;
using ContentEntry = ZaloBot.Dialogs.Faq.FaqEntry;

namespace ZaloBot.Web.Tests.Faq;

public sealed class FaqLiveUpdateTests
{
    [Test]
    public async Task Seed_ContentFile_LoadsEveryTopicSlugPublished()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis);
        await SeedAsync(factory);

        await using var db = database.CreateContext();
        var slugs = await db.FaqEntries.Where(f => f.IsPublished).Select(f => f.Slug).ToListAsync();
        var revisions = await db.FaqEntryRevisions.CountAsync();

        Assert.That(slugs, Is.SupersetOf(TopicSlugs()));
        Assert.That(revisions, Is.EqualTo(slugs.Count));
    }

    [Test]
    public async Task Save_OnOneInstance_AnotherInstanceAnswersWithTheNewContentWithinTwoSeconds()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sharedPrefix = new Dictionary<string, string?> { ["Redis:KeyPrefix"] = "test:" + Guid.NewGuid().ToString("N")[..10] + ":" };
        await using var editorInstance = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, sharedPrefix);
        await using var botInstance = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, sharedPrefix);
        await SeedAsync(editorInstance);
        var recognizer = botInstance.Services.GetRequiredService<LiveRecognizer>();
        const string question = "quận có cho mượn xe lăn cho người khuyết tật không";
        var before = recognizer.Recognize(question).TopLabel;

        await using (var scope = editorInstance.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<FaqEditor>().SaveAsync(
                new ContentEntry("muon-xe-lan", "ho-tro", "Quận có cho mượn xe lăn không?",
                    ["mượn xe lăn cho người khuyết tật", "cho mượn xe lăn ở đâu", "xe lăn miễn phí cho người già"],
                    [], "Dạ, Ông/Bà liên hệ Ủy ban nhân dân phường nơi cư trú để được hướng dẫn mượn xe lăn.", NeedsReview: true, Published: true),
                expectedVersion: null, "admin@test", CancellationToken.None);
            Assert.That(result, Is.EqualTo(FaqSaveResult.Saved));
        }

        var after = await PollAsync(() => recognizer.Recognize(question).TopLabel == "muon-xe-lan", TimeSpan.FromSeconds(2));

        Assert.That(before, Is.Not.EqualTo("muon-xe-lan"));
        Assert.That(after, Is.True, "the other instance did not pick up the FAQ change within 2 s");
    }

    [Test]
    public async Task Save_StaleVersion_ReturnsConflictAndKeepsTheOtherEdit()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis);
        await SeedAsync(factory);
        uint loadedVersion;
        ContentEntry loaded;
        await using (var db = database.CreateContext())
        {
            var row = await db.FaqEntries.AsNoTracking().SingleAsync(f => f.Slug == "dang-ky-khai-sinh");
            loadedVersion = row.Version;
            loaded = LiveRecognizer.ToContent(row);
        }

        var first = await SaveAsync(factory, loaded with { Answer = "Bản sửa của người thứ nhất." }, loadedVersion);
        var second = await SaveAsync(factory, loaded with { Answer = "Bản sửa của người thứ hai." }, loadedVersion);

        await using var check = database.CreateContext();
        var stored = await check.FaqEntries.SingleAsync(f => f.Slug == "dang-ky-khai-sinh");
        Assert.That(first, Is.EqualTo(FaqSaveResult.Saved));
        Assert.That(second, Is.EqualTo(FaqSaveResult.Conflict));
        Assert.That(stored.Answer, Is.EqualTo("Bản sửa của người thứ nhất."));
        Assert.That(await check.FaqEntryRevisions.CountAsync(r => r.FaqEntryId == stored.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task Import_UnchangedExport_UpdatesNothingAndAddsNoRevision()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis);
        await SeedAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<FaqEditor>();
        await using var db = database.CreateContext();
        var revisionsBefore = await db.FaqEntryRevisions.CountAsync();

        var (added, updated) = await editor.ImportAsync(await editor.ExportAsync(CancellationToken.None), "admin@test", CancellationToken.None);

        Assert.That((added, updated), Is.EqualTo((0, 0)));
        Assert.That(await db.FaqEntryRevisions.CountAsync(), Is.EqualTo(revisionsBefore));
    }

    [Test]
    public async Task Match_AnonymousRequest_IsNotServed()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis);
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/faq/match?q=khai%20sinh");

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found));
    }

    [Test]
    public async Task Match_UnaccentedQuestion_RanksTheFaqFirstWithAScore()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis);
        await SeedAsync(factory);
        var recognizer = factory.Services.GetRequiredService<LiveRecognizer>();
        await recognizer.RebuildAsync(CancellationToken.None);

        var result = FaqEndpoints.Match("dang ky khai sinh cho con can giay to gi", recognizer);

        var ok = result.Result as Ok<FaqMatchResponse>;
        Assert.That(ok, Is.Not.Null);
        Assert.That(ok!.Value!.Candidates[0].Label, Is.EqualTo("dang-ky-khai-sinh"));
        Assert.That(ok.Value.Candidates[0].Confidence, Is.GreaterThan(0).And.LessThanOrEqualTo(1));
        Assert.That(FaqEndpoints.Match("", recognizer).Result, Is.InstanceOf<ValidationProblem>());
    }

    private static async Task SeedAsync(ZaloBotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
    }

    private static async Task<FaqSaveResult> SaveAsync(ZaloBotFactory factory, ContentEntry entry, uint version)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FaqEditor>().SaveAsync(entry, version, "staff@test", CancellationToken.None);
    }

    private static async Task<bool> PollAsync(Func<bool> condition, TimeSpan timeout)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < timeout)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return condition();
    }

    /// <summary>The slugs the shared topics list requires (read from the shared file when present, else the known 30).</summary>
    private static List<string> TopicSlugs()
    {
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var topics = Path.Combine(dir.FullName, "..", "shared", "faq", "topics.md");
            if (File.Exists(topics))
            {
                return File.ReadLines(topics)
                    .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| slug", StringComparison.Ordinal) && !l.StartsWith("| name", StringComparison.Ordinal))
                    .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1])
                    .Where(s => s.Length > 0 && !s.StartsWith("intent:", StringComparison.Ordinal) && !s.StartsWith("---", StringComparison.Ordinal))
                    .ToList();
            }
        }

        Assert.Fail("shared/faq/topics.md not found beside the repository");
        return [];
    }
}
