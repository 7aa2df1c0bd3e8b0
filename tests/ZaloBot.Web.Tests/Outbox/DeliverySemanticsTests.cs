using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Fake;

namespace ZaloBot.Web.Tests.Outbox;

/// <summary>
/// The delivery semantics of docs/channel.md: claimed is not attempted, the attempt is committed before the request,
/// unknown outcomes are resent for bot replies and held for the rest, held and waiting notifications never block a
/// citizen's interactive replies. The host runs no workers of its own (role Web): each test drives the worker.
/// </summary>
public sealed class DeliverySemanticsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private TestDatabase _database = null!;
    private FakeZaloServer _fake = null!;
    private ZaloBotFactory _host = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _fake = new FakeZaloServer();
        _host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis, new Dictionary<string, string?>
        {
            ["Service:Role"] = "Web",
            ["Zalo:Resilience:AttemptTimeout"] = "00:00:03",
        });
        _host.Start();
        await _fake.AuthoriseAsync(_host.Services);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task FirstRowRequeued_UsersLaterClaimedRow_BackToQueuedWithNoAttemptSpent_ThenBothSentInOrder()
    {
        // The requeue change: a user's later row claimed in the same batch used to stay Sending and become Failed
        // "interrupted" two minutes later (a lost reply).
        var first = await AddAsync("u-order", "một", OutboundPriority.Interactive);
        var second = await AddAsync("u-order", "hai", OutboundPriority.Interactive);
        // Three -32 answers: the client's own retries (Zalo surely did not send) are spent too.
        _fake.State.FailNext(FakeZaloFault.RateLimited, 3);

        var claimed = await Worker().RunOnceAsync(CancellationToken.None);

        var (a, b) = (await RowAsync(first), await RowAsync(second));
        Assert.That(claimed, Is.EqualTo(2));
        Assert.That((a.State, a.Attempts, a.ErrorCode), Is.EqualTo((OutboundState.Queued, 1, (int?)-32)));
        Assert.That((b.State, b.Attempts, b.AttemptedAt, b.ClaimToken), Is.EqualTo((OutboundState.Queued, 0, (DateTimeOffset?)null, (Guid?)null)));
        Assert.That(_fake.State.RequestCount("message/cs"), Is.EqualTo(3), "the second row was never attempted");

        var sent = await Eventually.TrueAsync(async () =>
        {
            await Worker().RunOnceAsync(CancellationToken.None);
            return (await RowAsync(second)).State == OutboundState.Sent;
        }, Wait);
        Assert.That(sent, Is.True);
        Assert.That(_fake.State.GetMessages("u-order").Select(m => m.Text), Is.EqualTo(new[] { "một", "hai" }));
    }

    [Test]
    public async Task AttemptMark_IsCommittedBeforeTheRequest()
    {
        var id = await AddAsync("u-mark", "đánh dấu", OutboundPriority.Interactive);
        _fake.State.Latency = TimeSpan.FromMilliseconds(200);
        var run = Worker().RunOnceAsync(CancellationToken.None);

        // While the fake holds the request, another connection already sees the attempt.
        var seen = await Eventually.TrueAsync(async () => _fake.State.RequestCount("message/cs") == 1 && (await RowAsync(id)).AttemptedAt is not null, Wait);
        var during = await RowAsync(id);
        await run;

        Assert.That(seen, Is.True);
        Assert.That((during.State, during.Attempts), Is.EqualTo((OutboundState.Sending, 1)));
        Assert.That((await RowAsync(id)).State, Is.EqualTo(OutboundState.Sent));
    }

    [Test]
    public async Task RowNoLongerOurs_IsNotAttempted()
    {
        var id = await AddAsync("u-lost-claim", "không phải của tôi", OutboundPriority.Interactive);
        await using (var db = _database.CreateContext())
        {
            await db.OutboundMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundState.Sending).SetProperty(m => m.ClaimToken, Guid.NewGuid()));
        }

        await using var scope = _host.Services.CreateAsyncScope();
        var stale = await RowAsync(id);
        stale.ClaimToken = Guid.NewGuid(); // the claimer's token, replaced since by another claim
        var outcome = await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendAsync(stale, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(OutboxSendOutcome.NotAttempted));
        Assert.That(_fake.State.RequestCount("message/cs"), Is.Zero);
        Assert.That((await RowAsync(id)).Attempts, Is.Zero);
    }

    [Test]
    public async Task StuckClaimedNeverAttempted_RequeuedAndSentOnce()
    {
        var id = await AddStuckAsync("u-stuck-claim", "đã nhận việc", attempted: false, safeToRepeat: false);

        await Worker().ResolveStuckAsync(CancellationToken.None);
        await Worker().RunOnceAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.That((row.State, row.Attempts, row.UnknownResends), Is.EqualTo((OutboundState.Sent, 1, 0)));
        Assert.That(_fake.State.GetMessages("u-stuck-claim").Select(m => m.Text), Is.EqualTo(new[] { "đã nhận việc" }));
    }

    [Test]
    public async Task StuckAttemptedBotReply_SentAgainAndCounted()
    {
        var id = await AddStuckAsync("u-stuck-bot", "câu trả lời", attempted: true, safeToRepeat: true);

        await Worker().ResolveStuckAsync(CancellationToken.None);
        await Worker().RunOnceAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.That((row.State, row.UnknownResends), Is.EqualTo((OutboundState.Sent, 1)));
        Assert.That(_fake.State.GetMessages("u-stuck-bot"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StuckAttemptedStaffReply_HeldAsUnknown_NotResent_LaterRepliesFlow()
    {
        var id = await AddStuckAsync("u-stuck-staff", "cán bộ trả lời", attempted: true, safeToRepeat: false);
        var later = await AddAsync("u-stuck-staff", "bot trả lời sau", OutboundPriority.Interactive, safeToRepeat: true);

        await Worker().ResolveStuckAsync(CancellationToken.None);
        await Worker().RunOnceAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.That(row.State, Is.EqualTo(OutboundState.Unknown));
        Assert.That(row.ErrorReason, Does.StartWith("outcome unknown (interrupted mid-call"));
        Assert.That((await RowAsync(later)).State, Is.EqualTo(OutboundState.Sent), "a held row blocks nobody");
        Assert.That(_fake.State.GetMessages("u-stuck-staff").Select(m => m.Text), Is.EqualTo(new[] { "bot trả lời sau" }));
    }

    [Test]
    public async Task DeliveredButTimedOut_BotReplySentAgainAndCounted_NotificationHeld()
    {
        _fake.State.DeliveredTimeoutDelay = TimeSpan.FromSeconds(6);
        var bot = await AddAsync("u-timeout-bot", "trả lời", OutboundPriority.Interactive, safeToRepeat: true);
        _fake.State.FailNext(FakeZaloFault.DeliveredThenTimeout);
        await Worker().RunOnceAsync(CancellationToken.None);
        var resent = await Eventually.TrueAsync(async () =>
        {
            await Worker().RunOnceAsync(CancellationToken.None);
            return (await RowAsync(bot)).State == OutboundState.Sent;
        }, Wait);

        var notice = await AddAsync("u-timeout-notice", "thông báo", OutboundPriority.Notification);
        _fake.State.FailNext(FakeZaloFault.DeliveredThenReset);
        await Worker().RunOnceAsync(CancellationToken.None);
        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.That(resent, Is.True);
        Assert.That((await RowAsync(bot)).UnknownResends, Is.EqualTo(1));
        Assert.That(_fake.State.GetMessages("u-timeout-bot"), Has.Count.EqualTo(2), "the citizen got the answer twice: allowed, counted");
        var held = await RowAsync(notice);
        Assert.That((held.State, held.UnknownResends), Is.EqualTo((OutboundState.Unknown, 0)));
        Assert.That(held.ErrorReason, Does.StartWith("outcome unknown"));
        Assert.That(_fake.State.GetMessages("u-timeout-notice"), Has.Count.EqualTo(1), "delivered once, never resent by itself");
    }

    [Test]
    public async Task WaitingNotification_DoesNotBlockInteractiveReplies_ButBlocksLaterNotifications()
    {
        var inAnHour = TimeProvider.System.GetUtcNow().AddHours(1);
        var night = await AddAsync("u-hol", "thông báo giữ đến sáng", OutboundPriority.Notification, due: inAnHour);
        var reply = await AddAsync("u-hol", "trả lời ngay", OutboundPriority.Interactive, safeToRepeat: true);
        var laterNotice = await AddAsync("u-hol", "thông báo sau", OutboundPriority.Notification);
        var waitingReply = await AddAsync("u-hol2", "trả lời chờ thử lại", OutboundPriority.Interactive, due: inAnHour);
        var laterReply = await AddAsync("u-hol2", "trả lời sau", OutboundPriority.Interactive);

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.That((await RowAsync(reply)).State, Is.EqualTo(OutboundState.Sent));
        Assert.That((await RowAsync(night)).State, Is.EqualTo(OutboundState.Queued));
        Assert.That((await RowAsync(laterNotice)).State, Is.EqualTo(OutboundState.Queued), "notifications keep their order");
        Assert.That((await RowAsync(waitingReply)).State, Is.EqualTo(OutboundState.Queued));
        Assert.That((await RowAsync(laterReply)).State, Is.EqualTo(OutboundState.Queued), "interactive replies keep their order");
        Assert.That(_fake.State.GetAllMessages().Select(m => m.Text), Is.EqualTo(new[] { "trả lời ngay" }));
    }

    private OutboxWorker Worker() => ActivatorUtilities.CreateInstance<OutboxWorker>(_host.Services);

    private async Task<long> AddAsync(string user, string text, OutboundPriority priority, bool safeToRepeat = false, DateTimeOffset? due = null)
    {
        await using var db = _database.CreateContext();
        var row = new OutboxPayload(text).ToOutbound(user, $"test:{Guid.NewGuid():N}", priority, TimeProvider.System.GetUtcNow(), safeToRepeat: safeToRepeat);
        row.NextAttemptAt = due ?? row.NextAttemptAt;
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>A row its worker left in Sending (a kill -9) whose lease has run out.</summary>
    private async Task<long> AddStuckAsync(string user, string text, bool attempted, bool safeToRepeat)
    {
        await using var db = _database.CreateContext();
        var now = TimeProvider.System.GetUtcNow();
        var row = new OutboxPayload(text).ToOutbound(user, $"test:{Guid.NewGuid():N}", OutboundPriority.Interactive, now, safeToRepeat: safeToRepeat);
        row.State = OutboundState.Sending;
        row.ClaimToken = Guid.NewGuid();
        row.AttemptedAt = attempted ? now.AddMinutes(-1) : null;
        row.Attempts = attempted ? 1 : 0;
        row.NextAttemptAt = now.AddSeconds(-1);
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<OutboundMessage> RowAsync(long id)
    {
        await using var db = _database.CreateContext();
        return await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
