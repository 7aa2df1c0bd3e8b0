using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Inbound;

public sealed class InboundProcessingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

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
    public async Task SameEventPosted20TimesConcurrently_ProcessedAndAnsweredOnce()
    {
        var handler = new RecordingHandler { Reply = true };
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis);
        using var client = host.CreateClient();
        await _fake.AuthoriseAsync(host.Services);
        var body = ZaloEvents.UserText("u-dup", "m-dup-1", "một lần thôi");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ZaloEvents.PostAsync(client, body)));
        var answered = await Eventually.TrueAsync(() => _fake.State.GetMessages("u-dup").Count >= 1, Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answered, Is.True);
        Assert.That(handler.Seen.Count, Is.EqualTo(1));
        Assert.That(_fake.State.GetMessages("u-dup").Select(m => m.Text), Is.EqualTo(new[] { "re: một lần thôi" }));
        await using var db = _database.CreateContext();
        var row = await db.OutboundMessages.SingleAsync();
        Assert.That((row.State, row.IdempotencyKey, row.ZaloMessageId), Is.EqualTo((OutboundState.Sent, "turn:m-dup-1:0", _fake.State.GetMessages("u-dup")[0].MessageId)));
    }

    [Test]
    public async Task TwoWorkerHosts_200UsersX20Messages_KeepPerUserOrder()
    {
        const int users = 200, perUser = 20;
        var handler = new RecordingHandler();
        var prefix = "test:" + Guid.NewGuid().ToString("N")[..10] + ":";
        var shared = new Dictionary<string, string?> { ["Redis:KeyPrefix"] = prefix };
        await using var first = WorkerHost.Create(_database, _fake, handler, TestServers.Redis, shared);
        await using var second = WorkerHost.Create(_database, _fake, handler, TestServers.Redis, shared);
        using var client = first.CreateClient();
        second.Start();
        var balanced = await Eventually.TrueAsync(
            () => first.Services.GetRequiredService<InboundWorker>().OwnedPartitions.Count == 4
                  && second.Services.GetRequiredService<InboundWorker>().OwnedPartitions.Count == 4, Wait);

        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (u, _) =>
        {
            for (var i = 0; i < perUser; i++)
            {
                using var response = await ZaloEvents.PostAsync(client, ZaloEvents.UserText($"order-{u}", $"order-{u}-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        });
        var done = await Eventually.TrueAsync(() => handler.Seen.Count >= users * perUser, TimeSpan.FromSeconds(120));

        Assert.That(balanced, Is.True, "each host should own half of the 8 partitions");
        Assert.That(done, Is.True, $"processed {handler.Seen.Count} of {users * perUser}");
        Assert.That(handler.Seen.Count, Is.EqualTo(users * perUser));
        Assert.That(handler.Overlaps, Is.Zero);
        var expected = Enumerable.Range(0, perUser).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var outOfOrder = Enumerable.Range(0, users).Where(u => !handler.TextsOf($"order-{u}").SequenceEqual(expected)).ToList();
        Assert.That(outOfOrder, Is.Empty);
    }

    [Test]
    public async Task RedisCutDuringIngest_EventsLandInPostgresAndAreProcessedOnceAfterwards()
    {
        var handler = new RecordingHandler();
        await using var proxy = new TcpProxy(RedisPort());
        proxy.Start();
        await using var host = WorkerHost.Create(_database, _fake, handler, $"127.0.0.1:{proxy.Port}");
        using var client = host.CreateClient();
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-out", "out-0", "0"));
        Assert.That(await Eventually.TrueAsync(() => handler.Seen.Count == 1, Wait), Is.True);

        proxy.Stop();
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 10; i++)
        {
            statuses.Add((await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-out", $"out-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);
        }

        // A retry of one of them while still down: deduplicated in PostgreSQL.
        statuses.Add((await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-out", "out-3", "3"))).StatusCode);
        await using (var db = _database.CreateContext())
        {
            Assert.That(await db.InboxEvents.CountAsync(e => e.State == InboxEventState.Pending), Is.EqualTo(10));
        }

        proxy.Start();
        var drained = await Eventually.TrueAsync(() => handler.Seen.Count >= 11, TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(drained, Is.True, $"processed {handler.Seen.Count} of 11");
        Assert.That(handler.TextsOf("u-out"), Is.EqualTo(Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await using var after = _database.CreateContext();
        Assert.That(await after.InboxEvents.CountAsync(e => e.State == InboxEventState.Forwarded), Is.EqualTo(10));
    }

    [Test]
    public async Task EchoOfOwnSend_IsDropped_AdminReplyIsRecordedAsStaff()
    {
        var handler = new RecordingHandler();
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis);
        using var client = host.CreateClient();

        await ZaloEvents.PostAsync(client, ZaloEvents.OaEcho("u-echo", "echo-1", "bot reply"));
        await ZaloEvents.PostAsync(client, ZaloEvents.OaEcho("u-echo", "echo-2", "Chào anh, cán bộ đây", adminId: "admin-7"));
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-echo", "echo-3", "cảm ơn"));
        await using var db = _database.CreateContext();
        await Eventually.TrueAsync(async () => handler.Seen.Count == 1 && await db.Transcript.CountAsync() == 2, Wait);

        var lines = await db.Transcript.OrderBy(t => t.Id).Select(t => new { t.Direction, t.Text, t.SourceId }).ToListAsync();
        Assert.That(handler.Seen.Select(s => s.Text), Is.EqualTo(new[] { "cảm ơn" }));
        Assert.That(lines.Select(l => (l.Direction, l.Text, l.SourceId)), Is.EqualTo(new[]
        {
            (TranscriptDirection.FromStaff, "Chào anh, cán bộ đây", "echo-2"),
            (TranscriptDirection.FromCitizen, "cảm ơn", "echo-3"),
        }));
    }

    [Test]
    public async Task FailingEvent_DeadLetteredAfterMaxAttempts_LaterEventsFlow_RedriveProcessesIt()
    {
        var handler = new RecordingHandler();
        handler.FailOn["poison"] = true;
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis, new Dictionary<string, string?> { ["Inbound:MaxAttempts"] = "3" });
        using var client = host.CreateClient();

        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-dl", "dl-1", "poison"));
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-dl", "dl-2", "after"));
        var flowed = await Eventually.TrueAsync(() => handler.Seen.Count == 1, Wait);

        InboxEvent dead;
        await using (var db = _database.CreateContext())
        {
            dead = await db.InboxEvents.SingleAsync();
        }

        Assert.That(flowed, Is.True);
        Assert.That((dead.DedupeKey, dead.State, dead.Attempts, dead.ZaloUserId), Is.EqualTo(("dl-1", InboxEventState.DeadLettered, 3, "u-dl")));
        Assert.That(dead.LastError, Is.EqualTo("InvalidOperationException: handler refused 'poison'"));

        handler.FailOn.Clear();
        bool redriven;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            redriven = await scope.ServiceProvider.GetRequiredService<DeadLetterStore>().RedriveAsync(dead.Id, CancellationToken.None);
        }

        var processed = await Eventually.TrueAsync(() => handler.Seen.Count == 2, Wait);
        Assert.That(redriven, Is.True);
        Assert.That(processed, Is.True);
        Assert.That(handler.TextsOf("u-dl"), Is.EqualTo(new[] { "after", "poison" }));
        await using var after = _database.CreateContext();
        Assert.That((await after.InboxEvents.SingleAsync()).State, Is.EqualTo(InboxEventState.Forwarded));
    }

    [Test]
    public async Task PoisonEventWhoseDeadLetterInsertFails_StillDeadLettered_PartitionKeepsFlowing()
    {
        // A user id longer than the column (a stream entry written before the webhook's edge check, or by a re-drive):
        // every write fails, the dead-letter insert included; it used to be retried for ever and block its partition.
        var handler = new RecordingHandler();
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Inbound:MaxAttempts"] = "2",
            ["Inbound:Partitions"] = "1",
        });
        using var client = host.CreateClient();
        var longUser = new string('7', 70);
        var body = ZaloEvents.UserText(longUser, "poison-long", "xin chào");
        await host.Services.GetRequiredService<InboundQueue>().EnqueueAsync("poison-long", longUser, body);
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-after-poison", "after-poison", "sau đó"));

        // The handler having run is not enough: both events may first run in one group commit, which the long id
        // rolls back, and then each alone. Done means the later event's turn committed and the poison is dead-lettered.
        var flowed = await Eventually.TrueAsync(async () =>
        {
            await using var check = _database.CreateContext();
            return await check.ProcessedEvents.AnyAsync(e => e.Key == "after-poison")
                && await check.InboxEvents.AnyAsync(e => e.State == InboxEventState.DeadLettered);
        }, Wait);

        Assert.That(flowed, Is.True, "the partition is blocked or the poison event was not dead-lettered");
        Assert.That(handler.TextsOf("u-after-poison"), Is.Not.Empty);
        await using var db = _database.CreateContext();
        var dead = await db.InboxEvents.SingleAsync(e => e.State == InboxEventState.DeadLettered);
        Assert.That((dead.DedupeKey, dead.ZaloUserId, dead.Attempts, dead.Payload), Is.EqualTo(("poison-long", (string?)null, 2, body)));
    }

    [Test]
    public async Task DeadLetterEndpoints_WithoutSignIn_AreNotServed()
    {
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis);
        using var client = host.CreateClient();

        var list = await client.GetAsync("/admin/channel/dead-letters");
        var redrive = await client.PostAsync("/admin/channel/dead-letters/1/redrive", null);

        Assert.That(list.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found));
        Assert.That(redrive.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found));
    }

    [Test]
    public async Task EntriesLeftPendingByACrashedConsumer_AreClaimedAndProcessed()
    {
        var handler = new RecordingHandler();
        var prefix = "test:" + Guid.NewGuid().ToString("N")[..10] + ":";
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis,
            new Dictionary<string, string?> { ["Redis:KeyPrefix"] = prefix, ["Service:Role"] = "Web" });
        var keys = host.Services.GetRequiredService<RedisKeys>();
        var partitions = host.Services.GetRequiredService<InboundPartitions>();
        var queue = host.Services.GetRequiredService<InboundQueue>();
        var redis = TestServers.RedisConnection.GetDatabase();
        var stream = keys.Stream(partitions.Of("u-crash"));
        await redis.StreamCreateConsumerGroupAsync(stream, RedisKeys.ConsumerGroup, "0", createStream: true);
        for (var i = 0; i < 3; i++)
        {
            await queue.EnqueueAsync($"crash-{i}", "u-crash", ZaloEvents.UserText("u-crash", $"crash-{i}", $"{i}"));
        }

        // A worker read them and died before acknowledging.
        var taken = await redis.StreamReadGroupAsync(stream, RedisKeys.ConsumerGroup, "dead-worker", ">", 10);
        Assert.That(taken, Has.Length.EqualTo(3));

        await using var worker = WorkerHost.Create(_database, _fake, handler, TestServers.Redis, new Dictionary<string, string?> { ["Redis:KeyPrefix"] = prefix });
        worker.Start();
        var processed = await Eventually.TrueAsync(() => handler.Seen.Count == 3, Wait);
        var pending = await Eventually.TrueAsync(async () => (await redis.StreamPendingAsync(stream, RedisKeys.ConsumerGroup)).PendingMessageCount == 0, Wait);

        Assert.That(processed, Is.True);
        Assert.That(handler.TextsOf("u-crash"), Is.EqualTo(new[] { "0", "1", "2" }));
        Assert.That(pending, Is.True);
        Assert.That(await redis.StreamLengthAsync(stream), Is.Zero);
        var consumers = await redis.StreamConsumerInfoAsync(stream, RedisKeys.ConsumerGroup);
        Assert.That(consumers.Select(c => c.Name.ToString()), Does.Not.Contain("dead-worker"));
    }

    [Test]
    public async Task Receipts_UpdateDeliveryState_AndDoNotCountAsInteraction()
    {
        var handler = new RecordingHandler { Reply = true };
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis);
        using var client = host.CreateClient();
        await _fake.AuthoriseAsync(host.Services);
        // An hour old: inside the webhook's replay window (24 h), and clearly not "now".
        var asked = TimeProvider.System.GetUtcNow().AddHours(-1).ToUnixTimeMilliseconds();
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-rcpt", "rcpt-1", "hỏi", timestamp: asked.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await Eventually.TrueAsync(() => _fake.State.GetMessages("u-rcpt").Count == 1, Wait);
        var sentId = _fake.State.GetMessages("u-rcpt")[0].MessageId;

        await ZaloEvents.PostAsync(client, ZaloEvents.Received("u-rcpt", sentId));
        var delivered = await Eventually.TrueAsync(async () => await StateAsync() == OutboundState.Delivered, Wait);
        await ZaloEvents.PostAsync(client, ZaloEvents.Seen("u-rcpt", sentId));
        var seen = await Eventually.TrueAsync(async () => await StateAsync() == OutboundState.Seen, Wait);

        await using var db = _database.CreateContext();
        var citizen = await db.Citizens.SingleAsync(c => c.ZaloUserId == "u-rcpt");
        Assert.That(delivered, Is.True);
        Assert.That(seen, Is.True);
        Assert.That(citizen.LastInteractionAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(asked)));

        async Task<OutboundState> StateAsync()
        {
            await using var db2 = _database.CreateContext();
            return (await db2.OutboundMessages.SingleAsync()).State;
        }
    }

    [Test]
    public async Task Receipt_ThatOvertakesTheRecordOfTheSend_IsStillApplied()
    {
        // Zalo has answered the send and the phone has acknowledged it, but the sender has not stored the message id yet.
        await using var host = WorkerHost.Create(_database, _fake, new RecordingHandler(), TestServers.Redis);
        using var client = host.CreateClient();
        var now = TimeProvider.System.GetUtcNow();
        await using (var setup = _database.CreateContext())
        {
            setup.OutboundMessages.Add(new OutboundMessage
            {
                ZaloUserId = "u-early", Payload = "{}", IdempotencyKey = "early-1", State = OutboundState.Sending,
                Attempts = 1, AttemptedAt = now, NextAttemptAt = now.AddMinutes(5), CreatedAt = now,
            });
            await setup.SaveChangesAsync();
        }

        await ZaloEvents.PostAsync(client, ZaloEvents.Received("u-early", "m-early"));
        await Task.Delay(300);
        await using (var sender = _database.CreateContext())
        {
            await sender.OutboundMessages.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundState.Sent).SetProperty(m => m.ZaloMessageId, "m-early").SetProperty(m => m.SentAt, now));
        }

        var delivered = await Eventually.TrueAsync(async () =>
        {
            await using var db = _database.CreateContext();
            return (await db.OutboundMessages.SingleAsync()).State == OutboundState.Delivered;
        }, Wait);

        Assert.That(delivered, Is.True, "the early receipt was dropped");
    }

    [Test]
    public async Task FollowAndUnfollow_TrackFollowerAndInteraction()
    {
        var handler = new RecordingHandler();
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis);
        using var client = host.CreateClient();

        await ZaloEvents.PostAsync(client, ZaloEvents.Follow("u-fol"));
        var followed = await Eventually.TrueAsync(async () => await FollowerAsync() == true, Wait);
        await ZaloEvents.PostAsync(client, ZaloEvents.Follow("u-fol", "unfollow"));
        var unfollowed = await Eventually.TrueAsync(async () => await FollowerAsync() == false, Wait);

        await using var db = _database.CreateContext();
        Assert.That(followed, Is.True);
        Assert.That(unfollowed, Is.True);
        Assert.That((await db.Citizens.SingleAsync()).LastInteractionAt, Is.Not.Null);

        async Task<bool?> FollowerAsync()
        {
            await using var db2 = _database.CreateContext();
            return (await db2.Citizens.SingleOrDefaultAsync())?.IsFollower;
        }
    }

    [Test]
    public async Task ImageMessage_DownloadsMediaOnArrival_WithSizeCap()
    {
        var handler = new RecordingHandler();
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis, new Dictionary<string, string?> { ["Media:MaxBytes"] = "5000" });
        using var client = host.CreateClient();

        await ZaloEvents.PostAsync(client, ZaloEvents.UserImage("u-img", "img-1", "http://cdn.test/media/4000"));
        await ZaloEvents.PostAsync(client, ZaloEvents.UserImage("u-img", "img-2", "http://cdn.test/media/6000"));
        await Eventually.TrueAsync(() => handler.Seen.Count == 2, Wait);

        await using var db = _database.CreateContext();
        var stored = await db.Attachments.Select(a => new { a.SourceUrl, a.SizeBytes, a.ContentType }).ToListAsync();
        Assert.That(stored.Select(a => (a.SourceUrl, a.SizeBytes, a.ContentType)), Is.EqualTo(new[] { ("http://cdn.test/media/4000", 4000L, "image/jpeg") }));
    }

    [Test]
    public async Task PostgresDownWhileProcessing_EventWaitsInsteadOfDeadLettering()
    {
        var handler = new RecordingHandler();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var pgProxy = new TcpProxy(target.Port);
        pgProxy.Start();
        target.Port = pgProxy.Port;
        target.Pooling = false;
        target.Timeout = 2;
        await using var host = new ZaloBotFactory(target.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Inbound:MaxAttempts"] = "2",
            ["Inbound:RetryBaseDelay"] = "00:00:00.050",
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Outbox:IdlePollInterval"] = "00:00:00.080",
        })
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<ITurnFunction>(handler);
                _fake.Attach(services);
            },
        };
        using var client = host.CreateClient();

        pgProxy.Stop();
        var accepted = await ZaloEvents.PostAsync(client, ZaloEvents.UserText("u-pg", "pg-1", "chờ cơ sở dữ liệu"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var seenWhileDown = handler.Seen.Count;
        var keys = host.Services.GetRequiredService<RedisKeys>();
        var partition = host.Services.GetRequiredService<InboundPartitions>().Of("u-pg");
        var attemptsWhileDown = await TestServers.RedisConnection.GetDatabase().HashGetAsync(keys.Attempts(partition), "pg-1");
        pgProxy.Start();
        await using var db = _database.CreateContext();
        // The turn function runs before its result is committed: wait for the commit (the transcript line).
        var processed = await Eventually.TrueAsync(async () => handler.Seen.Count == 1 && await db.Transcript.AnyAsync(), Wait);

        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seenWhileDown, Is.Zero);
        Assert.That(attemptsWhileDown.IsNull, Is.True, "an outage spends no attempts");
        Assert.That(processed, Is.True);
        Assert.That(await db.InboxEvents.CountAsync(), Is.Zero, "nothing dead-lettered");
        Assert.That(await db.Transcript.Select(t => t.Text).ToListAsync(), Is.EqualTo(new[] { "chờ cơ sở dữ liệu" }));
    }

    [Test]
    public async Task UnknownEvent_KeptRawAndNotHandled()
    {
        var handler = new RecordingHandler();
        await using var host = WorkerHost.Create(_database, _fake, handler, TestServers.Redis);
        using var client = host.CreateClient();
        var body = Webhook.Fixtures.All().Single(b => b.Contains("\"add_user_to_tag\"", StringComparison.Ordinal));

        var response = await ZaloEvents.PostAsync(client, body);
        var kept = await Eventually.TrueAsync(async () =>
        {
            await using var db = _database.CreateContext();
            return await db.InboxEvents.AnyAsync();
        }, Wait);

        await using var db = _database.CreateContext();
        var row = await db.InboxEvents.SingleAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(kept, Is.True);
        Assert.That((row.EventName, row.State, row.Payload, row.ZaloUserId), Is.EqualTo(("add_user_to_tag", InboxEventState.Forwarded, body, "2468458835296197922")));
        Assert.That(handler.Seen, Is.Empty);
    }

    private static int RedisPort() => int.Parse(TestServers.Redis.Split(':')[1].Split(',')[0]);
}
