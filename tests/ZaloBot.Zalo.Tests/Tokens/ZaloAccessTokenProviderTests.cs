using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Zalo.Tests.Support;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Tokens;

/// <summary>
/// Token refresh rules with a FakeTimeProvider on the client side, in-test store and lock, and the fake OAuth
/// endpoint (real time there, so its 25 h tokens stay valid while the test moves the client's clock).
/// </summary>
public sealed class ZaloAccessTokenProviderTests
{
    private FakeTimeProvider _time = null!;
    private FakeZaloHost _fake = null!;
    private ListLoggerProvider _logs = null!;
    private ZaloClientHarness _harness = null!;

    private string OaId => _fake.State.Options.OaId;

    [SetUp]
    public async Task SetUp()
    {
        _time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        _fake = await FakeZaloHost.StartAsync();
        _logs = new ListLoggerProvider();
        _harness = ZaloClientHarness.Create(_fake, time: _time, logs: _logs);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _harness.DisposeAsync();
        await _fake.DisposeAsync();
        _logs.Dispose();
    }

    /// <summary>Into the 1 h lead of the 25 h token, still valid.</summary>
    private void AdvanceIntoRefreshLead() => _time.Advance(TimeSpan.FromHours(24.5));

    [Test]
    public async Task GetAccessTokenAsync_FreshToken_ReturnsStoredTokenWithoutRefreshing()
    {
        var stored = _harness.Store.Peek(OaId)!;

        var token = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.That(token, Is.EqualTo(stored.AccessToken));
        Assert.That(_fake.State.RequestCount("access_token"), Is.Zero);
        Assert.That(_harness.Tokens.Status.State, Is.EqualTo(ZaloTokenState.Healthy));
    }

    [Test]
    public async Task GetAccessTokenAsync_WithinRefreshLead_RefreshesAndPersistsBeforeReturning()
    {
        var old = _harness.Store.Peek(OaId)!;
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        AdvanceIntoRefreshLead();

        var token = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);

        var stored = _harness.Store.Peek(OaId)!;
        Assert.That(token, Is.EqualTo(stored.AccessToken).And.Not.EqualTo(old.AccessToken));
        Assert.That(stored.AccessTokenExpiresAt, Is.EqualTo(_time.GetUtcNow() + TimeSpan.FromSeconds(90_000)));
        Assert.That(_harness.Store.SuccessfulWrites, Is.EqualTo(1));
        Assert.That(_fake.State.RefreshCount, Is.EqualTo(1));
        Assert.That(_harness.Tokens.Status, Is.EqualTo(new ZaloTokenStatus(
            ZaloTokenState.Healthy, stored.AccessTokenExpiresAt, _time.GetUtcNow(), null, null)));
    }

    [Test]
    public async Task GetAccessTokenAsync_TwoProcessesDueAtOnce_RefreshOnlyOnce()
    {
        await using var other = ZaloClientHarness.Create(
            _fake, time: _time, store: _harness.Store, distributedLock: _harness.Lock, seedTokens: false);
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        await other.Tokens.GetAccessTokenAsync(CancellationToken.None);
        AdvanceIntoRefreshLead();

        var tokens = await Task.WhenAll(
            Task.Run(() => _harness.Tokens.GetAccessTokenAsync(CancellationToken.None)),
            Task.Run(() => other.Tokens.GetAccessTokenAsync(CancellationToken.None)));

        Assert.That(_fake.State.RefreshCount, Is.EqualTo(1));
        Assert.That(_fake.State.RequestCount("access_token"), Is.EqualTo(1));
        Assert.That(tokens[0], Is.EqualTo(tokens[1]).And.EqualTo(_harness.Store.Peek(OaId)!.AccessToken));
        Assert.That(_harness.Lock.Acquisitions, Is.EqualTo(2));
    }

    [Test]
    public async Task GetAccessTokenAsync_ManyConcurrentCallersInOneProcess_RefreshOnlyOnce()
    {
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        AdvanceIntoRefreshLead();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => _harness.Tokens.GetAccessTokenAsync(CancellationToken.None))));

        Assert.That(tokens.Distinct().Count(), Is.EqualTo(1));
        Assert.That(_fake.State.RefreshCount, Is.EqualTo(1));
    }

    [Test]
    public async Task GetAccessTokenAsync_RefreshRejectedBeforeExpiry_KeepsValidTokenReportsAndDoesNotLoop()
    {
        var old = _harness.Store.Peek(OaId)!;
        _harness.Store.Seed(OaId, old with { RefreshToken = "already-spent" });
        AdvanceIntoRefreshLead();

        var first = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        var second = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        var health = await new ZaloTokenHealthCheck(_harness.Tokens).CheckHealthAsync(new HealthCheckContext());

        Assert.That((first, second), Is.EqualTo((old.AccessToken, old.AccessToken)));
        Assert.That(_fake.State.RequestCount("access_token"), Is.EqualTo(1));
        Assert.That(_harness.Tokens.Status.State, Is.EqualTo(ZaloTokenState.RefreshFailed));
        Assert.That(health.Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    [Test]
    public async Task GetAccessTokenAsync_AfterFailureCooldown_TriesAgain()
    {
        var old = _harness.Store.Peek(OaId)!;
        _harness.Store.Seed(OaId, old with { RefreshToken = "already-spent" });
        AdvanceIntoRefreshLead();
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(5));
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.That(_fake.State.RequestCount("access_token"), Is.EqualTo(2));
    }

    [Test]
    public async Task GetAccessTokenAsync_ExpiredAndRefreshFails_ReturnsNull()
    {
        var old = _harness.Store.Peek(OaId)!;
        _harness.Store.Seed(OaId, old with { RefreshToken = "already-spent" });
        _time.Advance(TimeSpan.FromHours(26));

        var token = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.That(token, Is.Null);
    }

    [Test]
    public async Task GetAccessTokenAsync_NewPairCannotBePersisted_NeverUsesTheUnsavedToken()
    {
        var old = _harness.Store.Peek(OaId)!;
        _harness.Store.FailWritesWith = new InvalidOperationException("database down");
        AdvanceIntoRefreshLead();

        var token = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.That(token, Is.EqualTo(old.AccessToken));
        Assert.That(_fake.State.RefreshCount, Is.EqualTo(1));
        Assert.That(_harness.Tokens.Status.LastFailure, Is.EqualTo("new token pair could not be persisted; re-authorise the OA"));
    }

    [Test]
    public async Task RefreshAfterRejectionAsync_StoreAlreadyHasNewerToken_AdoptsItWithoutRefreshing()
    {
        var old = await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        var newer = _fake.State.IssueTokens(); // as if another process refreshed and stored it
        _harness.Store.Seed(OaId, newer);

        var token = await _harness.Tokens.RefreshAfterRejectionAsync(old!, CancellationToken.None);

        Assert.That(token, Is.EqualTo(newer.AccessToken));
        Assert.That(_fake.State.RequestCount("access_token"), Is.Zero);
    }

    [Test]
    public async Task Refresh_Always_NeverLogsTokensOrSecret()
    {
        var old = _harness.Store.Peek(OaId)!;
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        AdvanceIntoRefreshLead();
        await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None);
        var fresh = _harness.Store.Peek(OaId)!;

        var secrets = new[] { old.AccessToken, old.RefreshToken, fresh.AccessToken, fresh.RefreshToken, _fake.State.Options.AppSecret };
        Assert.That(_logs.Lines, Is.Not.Empty);
        Assert.That(_logs.Lines.Where(line => secrets.Any(line.Contains)), Is.Empty);
    }

    [Test]
    public void TokenSet_ToString_HidesTokens()
    {
        var set = new ZaloTokenSet("AT-secret", "RT-secret", _time.GetUtcNow(), _time.GetUtcNow());

        Assert.That(set.ToString(), Does.Not.Contain("secret"));
    }

    [Test]
    public void AddZaloChannel_ResolvesProviderAsTheClientsTokenSource()
    {
        Assert.That(_harness.Services.GetRequiredService<IAccessTokenProvider>(), Is.SameAs(_harness.Tokens));
    }
}
