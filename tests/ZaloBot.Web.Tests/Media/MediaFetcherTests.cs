using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZaloBot.Web.Media;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Tests.Media;

/// <summary>
/// The fetcher against an in-process "CDN" that misbehaves on purpose (redirects, lies about types, resets, truncates,
/// streams too much). Every misbehaviour skips the file and never throws; PostgreSQL gets only what passed.
/// </summary>
public sealed class MediaFetcherTests
{
    private TestDatabase _database = null!;
    private WebApplication _cdn = null!;
    private ZaloBotFactory _host = null!;
    private readonly ConcurrentQueue<string> _requests = new();

    [SetUp]
    public async Task SetUpAsync()
    {
        _requests.Clear();
        _database = await TestDatabase.CreateMigratedAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        _cdn = builder.Build();
        _cdn.Use(async (context, next) =>
        {
            _requests.Enqueue(context.Request.Host + context.Request.Path);
            await next(context);
        });
        _cdn.MapGet("/photo/{n:int}", (int n) => Results.File(FakeZaloServer.Jpeg(1000 + n), "image/jpeg"));
        _cdn.MapGet("/same", () => Results.File(FakeZaloServer.Jpeg(2000), "image/jpeg"));
        _cdn.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        _cdn.MapGet("/to-other-host", () => Results.Redirect("https://evil.example/a.jpg"));
        _cdn.MapGet("/to-allowed", () => Results.Redirect("http://s2.zdn.vn/photo/7"));
        _cdn.MapGet("/html", () => Results.Text("<html><script>alert(1)</script></html>", "image/jpeg"));
        _cdn.MapGet("/endless", async (HttpContext http) =>
        {
            http.Response.ContentType = "image/jpeg";
            await http.Response.Body.WriteAsync(FakeZaloServer.Jpeg(64 * 1024));
            for (var i = 0; i < 100; i++)
            {
                await http.Response.Body.WriteAsync(new byte[64 * 1024]);
            }
        });
        _cdn.MapGet("/reset", (HttpContext http) => http.Abort());
        _cdn.MapGet("/truncated", async (HttpContext http) =>
        {
            http.Response.ContentLength = 50_000;
            await http.Response.Body.WriteAsync(FakeZaloServer.Jpeg(1000));
            await http.Response.Body.FlushAsync();
            http.Abort();
        });
        await _cdn.StartAsync();
        _host = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Service:Role"] = "Web",
            ["Media:MaxBytes"] = "1000000",
            ["Media:MaxPerEvent"] = "4",
        })
        {
            ConfigureServices = services => InProcessHttp.RouteAllClients(services, () => _cdn.GetTestServer().CreateHandler()),
        };
        _host.Start();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _host.DisposeAsync();
        await _cdn.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Redirects_OffTheAllowList_NotFollowed_OnTheListFollowed()
    {
        var result = await FetchAsync("http://s1.zdn.vn/to-metadata", "http://s1.zdn.vn/to-other-host", "http://s1.zdn.vn/to-allowed");

        Assert.That((result.AttachmentIds.Count, result.Skipped), Is.EqualTo((1, 2)));
        Assert.That(_requests, Is.EquivalentTo(new[] { "s1.zdn.vn/to-metadata", "s1.zdn.vn/to-other-host", "s1.zdn.vn/to-allowed", "s2.zdn.vn/photo/7" }));
    }

    [Test]
    public async Task HostsOffTheList_NeverRequested()
    {
        var result = await FetchAsync("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/a.jpg", "http://127.0.0.1/a.jpg", "file:///etc/passwd", "http://zdn.vn.evil.example/a.jpg");

        Assert.That((result.AttachmentIds.Count, result.Skipped), Is.EqualTo((0, 5)));
        Assert.That(_requests, Is.Empty);
    }

    [Test]
    public async Task ResetTruncatedOversizeAndMislabelled_EachSkipped_NothingThrown()
    {
        var result = await FetchAsync("http://s1.zdn.vn/reset", "http://s1.zdn.vn/truncated", "http://s1.zdn.vn/endless", "http://s1.zdn.vn/html");

        Assert.That((result.AttachmentIds.Count, result.Skipped), Is.EqualTo((0, 4)));
        await using var db = _database.CreateContext();
        Assert.That(await db.Attachments.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task SameBytesTwice_StoredOnce_TypeFromTheBytes()
    {
        var first = await FetchAsync("http://s1.zdn.vn/same?a=1");
        var second = await FetchAsync("http://s1.zdn.vn/same?a=2");

        await using var db = _database.CreateContext();
        var rows = await db.Attachments.Select(a => new { a.Id, a.ContentType, a.SizeBytes }).ToListAsync();
        Assert.That(rows.Select(r => (r.Id, r.ContentType, r.SizeBytes)), Is.EqualTo(new[] { (first.AttachmentIds[0], "image/jpeg", 2000L) }));
        Assert.That(second.AttachmentIds, Is.EqualTo(first.AttachmentIds));
    }

    [Test]
    public async Task MoreThanMaxPerEvent_RestSkipped()
    {
        var result = await FetchAsync([.. Enumerable.Range(1, 6).Select(n => $"http://s1.zdn.vn/photo/{n}")]);

        Assert.That((result.AttachmentIds.Count, result.Skipped), Is.EqualTo((4, 2)));
    }

    private async Task<MediaFetchResult> FetchAsync(params string[] urls)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var attachments = urls.Select(u => (ZaloAttachment)new ImageAttachment { Type = "image", Url = u }).ToList();
        return await scope.ServiceProvider.GetRequiredService<MediaFetcher>().FetchAsync(db, "u-media", attachments, CancellationToken.None);
    }
}
