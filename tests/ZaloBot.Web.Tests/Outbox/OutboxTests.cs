using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Fake;

namespace ZaloBot.Web.Tests.Outbox;

public sealed class OutboxTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

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
    public async Task Zalo503_RetriedThenCircuitOpens_DeliveredOnceLater()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, new Dictionary<string, string?>
        {
            ["Zalo:Resilience:CircuitMinimumThroughput"] = "2",
            ["Zalo:Resilience:CircuitBreakDuration"] = "00:00:01",
        });
        host.Start();
        await _fake.AuthoriseAsync(host.Services);
        _fake.State.FailNext(FakeZaloFault.ServerError, 4);

        await EnqueueAsync(host, "u-503", "xin lỗi vì chờ lâu");
        var sent = await Eventually.TrueAsync(async () => (await RowAsync()).State == OutboundState.Sent, Wait);

        var row = await RowAsync();
        Assert.That(sent, Is.True, $"state {row.State}: {row.ErrorReason}");
        Assert.That(_fake.State.GetMessages("u-503").Select(m => m.Text), Is.EqualTo(new[] { "xin lỗi vì chờ lâu" }));
        // 4 calls got the 503 and 1 succeeded; the other tries were stopped by the open circuit before reaching Zalo
        // and spent no attempt: only the 5 calls Zalo saw are counted.
        Assert.That(_fake.State.RequestCount("message/cs"), Is.EqualTo(5));
        Assert.That(row.Attempts, Is.EqualTo(5));
        Assert.That(row.ZaloMessageId, Is.EqualTo(_fake.State.GetMessages("u-503")[0].MessageId));
    }

    [Test]
    public async Task ReplyQueuedWhileAnotherCitizensSendIsSlow_IsSentWithoutWaitingForIt()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis);
        host.Start();
        await _fake.AuthoriseAsync(host.Services);
        // Zalo takes the first send at once but answers it only after 3 s: that round is busy for 3 s.
        _fake.State.DeliveredTimeoutDelay = TimeSpan.FromSeconds(3);
        _fake.State.FailNext(FakeZaloFault.DeliveredThenTimeout);
        await EnqueueAsync(host, "u-slow-zalo", "trả lời chậm");
        Assert.That(await Eventually.TrueAsync(() => _fake.State.GetMessages("u-slow-zalo").Count == 1, Wait), Is.True);

        var queued = TimeProvider.System.GetTimestamp();
        await EnqueueAsync(host, "u-next", "trả lời tiếp");
        var sent = await Eventually.TrueAsync(() => _fake.State.GetMessages("u-next").Count == 1, Wait);
        var waited = TimeProvider.System.GetElapsedTime(queued);

        Assert.That(sent, Is.True);
        Assert.That(waited, Is.LessThan(TimeSpan.FromSeconds(2)), "the reply waited for the slow send's round");
        await using var db = _database.CreateContext();
        var slow = await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.ZaloUserId == "u-slow-zalo");
        Assert.That(slow.State, Is.EqualTo(OutboundState.Sending), "the slow send should still be waiting for its answer");
    }

    [Test]
    public async Task SendTimesOut_NotSafeToRepeat_HeldAsUnknown_NotResent()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, new Dictionary<string, string?>
        {
            ["Zalo:Resilience:AttemptTimeout"] = "00:00:00.200",
        });
        host.Start();
        await _fake.AuthoriseAsync(host.Services);
        _fake.State.Latency = TimeSpan.FromMilliseconds(600);

        await EnqueueAsync(host, "u-slow", "chậm");
        // Changed with the delivery semantics: an unknown outcome of a row that is not a bot reply is held (state
        // Unknown, "unknown — check" on the ticket page) instead of Failed.
        var held = await Eventually.TrueAsync(async () => (await RowAsync()).State == OutboundState.Unknown, Wait);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var row = await RowAsync();
        Assert.That(held, Is.True);
        Assert.That(row.ErrorReason, Does.StartWith("outcome unknown (timed out)"));
        Assert.That(row.Attempts, Is.EqualTo(1));
        Assert.That(_fake.State.RequestCount("message/cs"), Is.EqualTo(1));
    }

    [Test]
    public async Task OutsideSevenDayWindow_MarkedFailedWithReason()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis);
        host.Start();
        await _fake.AuthoriseAsync(host.Services);
        _fake.State.EnforceInteractionWindow = true;
        _fake.State.SetLastInteraction("u-old", _fake.State.Time.GetUtcNow() - TimeSpan.FromDays(8));

        await EnqueueAsync(host, "u-old", "thông báo");
        var failed = await Eventually.TrueAsync(async () => (await RowAsync()).State == OutboundState.Failed, Wait);

        var row = await RowAsync();
        Assert.That(failed, Is.True);
        Assert.That(row.ErrorCode, Is.EqualTo(-230));
        Assert.That(row.ErrorReason, Is.EqualTo("outside the 7-day window: the citizen has not interacted with the OA in the past 7 days (-230)"));
        Assert.That(_fake.State.GetMessages("u-old"), Is.Empty);
    }

    [Test]
    public async Task NoToken_QueuedUntilAuthorised_ThenDelivered()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis);
        host.Start();

        await EnqueueAsync(host, "u-tok", "chờ token");
        var retried = await Eventually.TrueAsync(async () => (await RowAsync()).Attempts >= 2, Wait);
        Assert.That((await RowAsync()).State, Is.Not.EqualTo(OutboundState.Failed));
        await _fake.AuthoriseAsync(host.Services);
        // The provider remembers the failure for Zalo:Tokens:FailureCooldown; a fresh read happens on the next call.
        var sent = await Eventually.TrueAsync(async () => (await RowAsync()).State == OutboundState.Sent, Wait);

        Assert.That(retried, Is.True);
        Assert.That(sent, Is.True, (await RowAsync()).ErrorReason);
        Assert.That(_fake.State.GetMessages("u-tok").Select(m => m.Text), Is.EqualTo(new[] { "chờ token" }));
    }

    [Test]
    public async Task InteractiveRowsGoBeforeNotifications_AndButtonsAreMapped()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, new Dictionary<string, string?> { ["Service:Role"] = "Web" });
        host.Start();
        await _fake.AuthoriseAsync(host.Services);
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = _database.CreateContext())
        {
            db.OutboundMessages.Add(new OutboxPayload("thông báo").ToOutbound("u-a", "n1", OutboundPriority.Notification, now));
            db.OutboundMessages.Add(new OutboxPayload("trả lời", [new OutboxButton("Hỏi đáp", "query-show", "#hoi-dap")]).ToOutbound("u-b", "i1", OutboundPriority.Interactive, now));
            await db.SaveChangesAsync();
        }

        var worker = ActivatorUtilities.CreateInstance<OutboxWorker>(host.Services);
        await worker.RunOnceAsync(CancellationToken.None);

        var all = _fake.State.GetAllMessages();
        Assert.That(all.Select(m => m.Text), Is.EquivalentTo(new[] { "thông báo", "trả lời" }));
        var withButton = all.Single(m => m.UserId == "u-b");
        Assert.That(withButton.Buttons.Select(b => (b.Title, b.Type)), Is.EqualTo(new[] { ("Hỏi đáp", "oa.query.show") }));
    }

    private static async Task EnqueueAsync(ZaloBotFactory host, string userId, string text)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBot.Web.Storage.ZaloBotDbContext>();
        db.OutboundMessages.Add(new OutboxPayload(text).ToOutbound(userId, "test:" + userId, OutboundPriority.Interactive, TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<OutboxWorkSignal>().Pulse();
    }

    private async Task<OutboundMessage> RowAsync()
    {
        await using var db = _database.CreateContext();
        return await db.OutboundMessages.AsNoTracking().SingleAsync();
    }
}
