using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Tests.ZaloTokens;

public sealed class TokenTests
{
    private TestDatabase _database = null!;
    private FakeZaloServer _fake = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _fake = new FakeZaloServer();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _fake.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task TwoInstancesRacingToRefresh_RefreshOnce_AndAgreeOnTheToken()
    {
        var shared = new Dictionary<string, string?> { ["Redis:KeyPrefix"] = "test:" + Guid.NewGuid().ToString("N")[..10] + ":", ["Service:Role"] = "Web" };
        await using var first = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, shared);
        await using var second = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, shared);
        // Stored as expiring in 10 minutes: within the 1-hour refresh lead, so every caller wants to refresh.
        var issued = await _fake.AuthoriseAsync(first.Services, s => s with { AccessTokenExpiresAt = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(10) });
        var providers = new[] { first, second }.Select(h => h.Services.GetRequiredService<IAccessTokenProvider>()).ToList();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => providers[i % 2].GetAccessTokenAsync(CancellationToken.None))));

        var stored = await first.Services.GetRequiredService<IZaloTokenStore>().GetAsync(ZaloBotFactory.OaId, CancellationToken.None);
        Assert.That(_fake.State.RefreshCount, Is.EqualTo(1));
        Assert.That(tokens.Distinct().ToList(), Is.EqualTo(new[] { stored!.AccessToken }));
        Assert.That(stored.AccessToken, Is.Not.EqualTo(issued.AccessToken));
    }

    [Test]
    public async Task TokensAreEncryptedAtRest()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, new Dictionary<string, string?> { ["Service:Role"] = "Web" });
        var issued = await _fake.AuthoriseAsync(host.Services);

        await using var db = _database.CreateContext();
        var row = await db.ZaloOaTokens.SingleAsync();
        Assert.That(row.AccessTokenCipher, Does.Not.Contain(issued.AccessToken));
        Assert.That(row.RefreshTokenCipher, Does.Not.Contain(issued.RefreshToken));
        Assert.That((await host.Services.GetRequiredService<IZaloTokenStore>().GetAsync(ZaloBotFactory.OaId, CancellationToken.None))!.RefreshToken, Is.EqualTo(issued.RefreshToken));
    }

    [Test]
    public async Task FailedRefresh_MakesReadinessDegraded()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, new Dictionary<string, string?> { ["Service:Role"] = "Web" });
        using var client = host.CreateClient();
        // A pair the fake does not know: the refresh is refused.
        await _fake.AuthoriseAsync(host.Services, s => s with { RefreshToken = "spent", AccessTokenExpiresAt = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(1) });

        var token = await host.Services.GetRequiredService<IAccessTokenProvider>().GetAccessTokenAsync(CancellationToken.None);
        var ready = await client.GetAsync("/health/ready");
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.That(token, Is.Null);
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(report.RootElement.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(report.RootElement.GetProperty("checks").GetProperty("zalo-token-ready").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
    }
}
