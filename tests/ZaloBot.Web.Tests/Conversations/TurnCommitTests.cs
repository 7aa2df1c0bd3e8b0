using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZaloBot.Dialogs.Cchc;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Tests.Conversations;

/// <summary>
/// The one idempotency story of a turn: the committer writes state, effects, transcript, outbox rows and the processed
/// marker in one transaction. A crash at any step of that commit, a crash after it but before the stream ack (the
/// event comes again), or a concurrent state change must leave exactly one of everything.
/// </summary>
public sealed class TurnCommitTests
{
    private const string Description = "Vỉa hè trước số 12 Võ Văn Tần bị lấn chiếm để bán hàng suốt ba tháng nay.";

    // Issue 13 removed the photo and location questions (a photo or location is taken whenever it comes).
    private static readonly string[] Intake = ["Gửi phản ánh", "1", "9", Description, "0912 345 678"];

    private TestDatabase _database = null!;
    private ZaloBotFactory _host = null!;
    private CommandFaults _faults = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _faults = new CommandFaults();
        var faults = _faults;
        // Web role: no workers; the test plays the inbound worker and calls the committer itself.
        _host = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis, new Dictionary<string, string?> { ["Service:Role"] = "Web" })
        {
            ConfigureServices = services => services.ConfigureDbContext<ZaloBotDbContext>(o => o.AddInterceptors(faults)),
        };
        _ = _host.Services;
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<LiveRecognizer>().RebuildAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Confirmation_CrashAtEveryCommitStepThenRedelivered_ExactlyOneOfEverything()
    {
        var expected = await CleanRunAsync("u-clean");
        Assert.That(expected.Outbox, Is.GreaterThan(0));

        var steps = 0;
        for (var failAt = 1; ; failAt++)
        {
            var user = $"u-crash-{failAt}";
            await FillIntakeAsync(user);
            var confirm = Turn(user, $"{user}-confirm", "Xác nhận gửi");

            _faults.Arm(failAt);
            var crashed = false;
            try
            {
                await CommitAsync(confirm);
            }
            catch (Exception ex) when (IsInjected(ex))
            {
                crashed = true;
            }
            finally
            {
                _faults.Disarm();
            }

            if (!crashed)
            {
                // failAt is past the last command of the commit: every step has been crashed once.
                break;
            }

            steps++;
            // The worker retries the event (stream redelivery) ...
            await CommitAsync(confirm);
            // ... and once more after a crash between the commit and the ack.
            await CommitAsync(confirm);
            Assert.That(await OutcomeAsync(user, confirm.Key), Is.EqualTo(expected), $"crash at command {failAt}");
        }

        TestContext.Out.WriteLine($"crashed the commit at each of its {steps} commands");
        Assert.That(steps, Is.GreaterThanOrEqualTo(5), "the commit has several steps and each was crashed");
    }

    [Test]
    public async Task Confirmation_StateSavedConcurrentlyDuringCommit_TurnReRunsAndCommitsOnce()
    {
        var expected = await CleanRunAsync("u-clean");
        const string user = "u-race";
        await FillIntakeAsync(user);
        var confirm = Turn(user, "u-race-confirm", "Xác nhận gửi");

        // Another turn of this citizen (a staff action) saves the state just before this turn's state UPDATE.
        var raced = false;
        _faults.Before("UPDATE conversation_states", async () =>
        {
            raced = true;
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE conversation_states SET updated_at = now() WHERE zalo_user_id = @u", connection);
            command.Parameters.AddWithValue("u", user);
            await command.ExecuteNonQueryAsync();
        });
        await CommitAsync(confirm);
        _faults.Disarm();
        await CommitAsync(confirm);

        Assert.That(raced, Is.True);
        Assert.That(await OutcomeAsync(user, confirm.Key), Is.EqualTo(expected));
    }

    [Test]
    public async Task ProcessedEvent_Replayed_CommitsNothingAndDoesNotRunTheTurn()
    {
        const string user = "u-replay";
        var hello = Turn(user, "replay-1", "xin chào");
        await CommitAsync(hello);
        await using var db = _database.CreateContext();
        var outbox = await db.OutboundMessages.CountAsync();
        var state = await db.ConversationStates.AsNoTracking().SingleAsync(s => s.ZaloUserId == user);

        _faults.Arm(int.MaxValue);
        await CommitAsync(hello);
        var commands = _faults.Count;
        _faults.Disarm();

        Assert.That(commands, Is.EqualTo(1), "only the marker lookup");
        Assert.That(await db.OutboundMessages.CountAsync(), Is.EqualTo(outbox));
        Assert.That((await db.ConversationStates.AsNoTracking().SingleAsync(s => s.ZaloUserId == user)).Version, Is.EqualTo(state.Version));
    }

    [Test]
    public async Task Group_OfTenCitizens_SameOutcomeAsOneByOne_InOneBatchOfCommands()
    {
        var alone = Enumerable.Range(0, 10).Select(i => Turn($"u-alone-{i}", $"alone-{i}", "xin chào")).ToList();
        _faults.Arm(int.MaxValue);
        foreach (var turn in alone)
        {
            await CommitAsync(turn);
        }

        var aloneCommands = _faults.Count;
        _faults.Disarm();

        var grouped = Enumerable.Range(0, 10).Select(i => Turn($"u-group-{i}", $"group-{i}", "xin chào")).ToList();
        _faults.Arm(int.MaxValue);
        var done = await CommitGroupAsync(grouped);
        var commands = _faults.Count;
        _faults.Disarm();

        Assert.That(done, Is.EquivalentTo(grouped.Select(t => t.Key)));
        // One read of the markers, one of the states, one citizen upsert, one insert batch for the ten turns (plus the
        // engine's own read-only lookups, one per turn), against five commands per turn alone.
        TestContext.Out.WriteLine($"SQL commands for ten turns: {aloneCommands} one by one, {commands} as a group");
        Assert.That(commands, Is.LessThanOrEqualTo(aloneCommands / 3));
        for (var i = 0; i < 10; i++)
        {
            Assert.That(await SummaryAsync(grouped[i]), Is.EqualTo(await SummaryAsync(alone[i])), $"citizen {i}");
        }

        // Committed once: the group again (a redelivery) and each turn alone commit nothing more.
        Assert.That(await CommitGroupAsync(grouped), Is.EquivalentTo(grouped.Select(t => t.Key)));
        foreach (var turn in grouped)
        {
            await CommitAsync(turn);
            Assert.That(await SummaryAsync(turn), Is.EqualTo(await SummaryAsync(alone[0])));
        }
    }

    [Test]
    public async Task Group_TurnWithEffects_IsLeftOutForTheOneByOnePath_OthersCommitted()
    {
        const string user = "u-intake";
        await FillIntakeAsync(user);
        var confirm = Turn(user, "intake-confirm", "Xác nhận gửi");
        var hello = Turn("u-hello", "hello-1", "xin chào");

        var done = await CommitGroupAsync([confirm, hello]);

        Assert.That(done, Is.EquivalentTo(new[] { hello.Key }));
        await using (var db = _database.CreateContext())
        {
            Assert.That(await db.ProcessedEvents.CountAsync(p => p.Key == confirm.Key), Is.Zero, "the ticket turn was not committed by the group");
        }

        await CommitAsync(confirm);
        var outcome = await OutcomeAsync(user, confirm.Key);
        Assert.That(outcome.Tickets, Is.EqualTo(1));
        Assert.That(outcome.ReceiptHasCode, Is.True);
    }

    [Test]
    public async Task Group_StateSavedConcurrently_RollsBackTheWholeGroup_ThenEachTurnCommitsOnceAlone()
    {
        var users = Enumerable.Range(0, 4).Select(i => $"u-conflict-{i}").ToList();
        foreach (var user in users)
        {
            await CommitAsync(Turn(user, $"{user}-1", "xin chào"));
        }

        var second = users.Select(u => Turn(u, $"{u}-2", "menu")).ToList();
        _faults.Before("UPDATE conversation_states", async () =>
        {
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE conversation_states SET updated_at = now() WHERE zalo_user_id = @u", connection);
            command.Parameters.AddWithValue("u", users[2]);
            await command.ExecuteNonQueryAsync();
        });
        Assert.That(async () => await CommitGroupAsync(second), Throws.InstanceOf<DbUpdateConcurrencyException>());
        _faults.Disarm();

        await using var db = _database.CreateContext();
        Assert.That(await db.ProcessedEvents.CountAsync(p => p.Key.EndsWith("-2")), Is.Zero, "nothing of the group was committed");
        foreach (var turn in second)
        {
            await CommitAsync(turn);
        }

        Assert.That(await db.ProcessedEvents.CountAsync(p => p.Key.EndsWith("-2")), Is.EqualTo(4));
        foreach (var turn in second)
        {
            var summary = await SummaryAsync(turn);
            Assert.That(summary.Outbox, Is.GreaterThan(0));
            Assert.That(summary.CitizenLines, Is.EqualTo(2), "one transcript line per message, none doubled");
        }
    }

    private async Task<IReadOnlySet<string>> CommitGroupAsync(IReadOnlyList<InboundTurn> turns)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TurnCommitter>().CommitGroupAsync(turns, CancellationToken.None);
    }

    /// <summary>What one turn left: its outbox rows' payloads, the citizen's transcript lines, its marker, the state's dialog.</summary>
    private async Task<Summary> SummaryAsync(InboundTurn turn)
    {
        await using var db = _database.CreateContext();
        var payloads = await db.OutboundMessages.Where(o => o.IdempotencyKey.StartsWith("turn:" + turn.Key + ":")).OrderBy(o => o.IdempotencyKey)
            .Select(o => o.Payload).ToListAsync();
        var citizenLines = await db.Transcript.CountAsync(t => t.ZaloUserId == turn.ZaloUserId && t.Direction == TranscriptDirection.FromCitizen);
        var botLines = await db.Transcript.CountAsync(t => t.ZaloUserId == turn.ZaloUserId && t.Direction == TranscriptDirection.FromBot);
        var markers = await db.ProcessedEvents.CountAsync(p => p.Key == turn.Key);
        var citizens = await db.Citizens.CountAsync(c => c.ZaloUserId == turn.ZaloUserId && c.LastInteractionAt != null);
        var state = await db.ConversationStates.AsNoTracking().Where(s => s.ZaloUserId == turn.ZaloUserId).Select(s => s.State).SingleAsync();
        return new Summary(payloads.Count, string.Join("|", payloads), citizenLines, botLines, markers, citizens, System.Text.RegularExpressions.Regex.Replace(state, "\"[^\"]*At\":\"[^\"]*\"", ""));
    }

    private sealed record Summary(int Outbox, string Payloads, int CitizenLines, int BotLines, int Markers, int Citizens, string StateWithoutTimes);

    [Test]
    public async Task DialogueRegistrationAndQuestion_EventsReplayed_OneRegistrationAndOneQuestion()
    {
        // DialogueDesk keeps no duplicate-key handling of its own: the turn's processed marker is what stops a second run.
        const string user = "u-dialogue";
        long sessionId;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(20));
            (_, sessionId) = await scope.ServiceProvider.GetRequiredService<DialogueDesk>().SaveSessionAsync(
                new StaffActor("office-seed", "Văn phòng", SeesAllTickets: true, UnitId: null, CanEditTickets: true), null, 0,
                new DialogueSessionInput("Đối thoại doanh nghiệp quý IV", day, new TimeOnly(8, 30), "Hội trường UBND", null, "Thuế", day.AddDays(-3)),
                CancellationToken.None);
        }

        string[] registration = [CchcChat.RegisterCommand + sessionId, "Công ty TNHH Sách Bàn Cờ", "Bán lẻ sách", "0312 345 678", "0909 123 456"];
        for (var i = 0; i < registration.Length; i++)
        {
            await CommitAsync(Turn(user, $"{user}-r{i}", registration[i]));
        }

        var confirm = Turn(user, $"{user}-confirm", "Xác nhận đăng ký");
        await CommitAsync(confirm);
        await CommitAsync(confirm);
        await CommitAsync(Turn(user, $"{user}-ask", CchcChat.AskCommand + sessionId));
        var question = Turn(user, $"{user}-question", "Hộ kinh doanh chuyển lên công ty thì quyết toán thuế thế nào?");
        await CommitAsync(question);
        await CommitAsync(question);

        await using var db = _database.CreateContext();
        Assert.That(await db.DialogueRegistrations.CountAsync(r => r.SessionId == sessionId && r.ZaloUserId == user), Is.EqualTo(1));
        Assert.That(await db.DialogueQuestions.CountAsync(q => q.SessionId == sessionId && q.ZaloUserId == user), Is.EqualTo(1));
    }

    [Test]
    public async Task Unfollow_EndsTheCchcSubscription_AndQueuedPostsAreNotSent()
    {
        const string user = "u-unfollow";
        await CommitAsync(Turn(user, $"{user}-subscribe", CchcChat.SubscribeCommand));
        await using (var db = _database.CreateContext())
        {
            Assert.That(await db.CchcSubscriptions.SingleAsync(x => x.ZaloUserId == user), Has.Property("IsActive").True);
            var now = TimeProvider.System.GetUtcNow();
            db.OutboundMessages.Add(new OutboxPayload("Tin CCHC").ToOutbound(user, $"{CchcDesk.PushKeyPrefix}9:{user}", OutboundPriority.Notification, now));
            await db.SaveChangesAsync();
        }

        await CommitAsync(new InboundTurn(ZaloEventParser.Parse(ZaloEvents.Follow(user, "unfollow"), [ZaloBotFactory.OaId]), user, $"{user}-unfollow", []));

        await using var after = _database.CreateContext();
        var subscription = await after.CchcSubscriptions.SingleAsync(x => x.ZaloUserId == user);
        Assert.That((subscription.IsActive, subscription.UnsubscribedAt.HasValue), Is.EqualTo((false, true)));
        var push = await after.OutboundMessages.SingleAsync(m => m.IdempotencyKey == $"{CchcDesk.PushKeyPrefix}9:{user}");
        Assert.That(push.State, Is.EqualTo(OutboundState.Failed), "Zalo would answer -213 to a non-follower");
    }

    private async Task<Outcome> CleanRunAsync(string user)
    {
        await FillIntakeAsync(user);
        var confirm = Turn(user, $"{user}-confirm", "Xác nhận gửi");
        await CommitAsync(confirm);
        return await OutcomeAsync(user, confirm.Key);
    }

    private async Task FillIntakeAsync(string user)
    {
        for (var i = 0; i < Intake.Length; i++)
        {
            await CommitAsync(Turn(user, $"{user}-m{i}", Intake[i]));
        }
    }

    private async Task CommitAsync(InboundTurn turn)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TurnCommitter>().CommitAsync(turn, CancellationToken.None);
    }

    private static bool IsInjected(Exception? ex) =>
        ex is not null && (ex.Message.StartsWith("injected crash", StringComparison.Ordinal) || IsInjected(ex.InnerException));

    private static InboundTurn Turn(string user, string msgId, string text) =>
        new(ZaloEventParser.Parse(ZaloEvents.UserText(user, msgId, text), [ZaloBotFactory.OaId]), user, msgId, []);

    private async Task<Outcome> OutcomeAsync(string user, string confirmKey)
    {
        await using var db = _database.CreateContext();
        var tickets = await db.Tickets.CountAsync(t => t.Citizen!.ZaloUserId == user);
        var consents = await db.ConsentRecords.CountAsync(c => c.Citizen!.ZaloUserId == user);
        var outbox = await db.OutboundMessages.CountAsync(o => o.IdempotencyKey.StartsWith("turn:" + confirmKey + ":"));
        var lines = await db.Transcript.Where(t => t.ZaloUserId == user).GroupBy(t => new { t.SourceId, t.Direction }).Select(g => g.Count()).ToListAsync();
        var citizenLines = await db.Transcript.CountAsync(t => t.ZaloUserId == user && t.Direction == TranscriptDirection.FromCitizen);
        var receipt = await db.OutboundMessages.Where(o => o.IdempotencyKey == "turn:" + confirmKey + ":0").Select(o => o.Payload).SingleOrDefaultAsync();
        return new Outcome(tickets, consents, outbox, lines.All(n => n == 1), citizenLines, receipt is not null && receipt.Contains("PA-", StringComparison.Ordinal));
    }

    /// <param name="OneLinePerSource">No transcript line twice (same source and direction).</param>
    /// <param name="CitizenLines">One per message the citizen sent.</param>
    /// <param name="ReceiptHasCode">The confirmation reply carries the ticket code.</param>
    private sealed record Outcome(int Tickets, int Consents, int Outbox, bool OneLinePerSource, int CitizenLines, bool ReceiptHasCode);
}
