using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Feedback;

/// <summary>The ticket rules against real PostgreSQL: intake, citizen and staff actions, replies through the outbox, conflicts, scoping.</summary>
public sealed class TicketDeskTests
{
    // Friday 13/02/2026, 09:00 in Ho Chi Minh City: the last working day before Tết.
    private static readonly DateTimeOffset BeforeTet = new(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly StaffActor OfficeActor = new("office-1", "Nguyễn Văn Phòng", SeesAllTickets: true, UnitId: null, CanEditTickets: true);

    private TestDatabase _database = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var factory = new ZaloBotFactory(_database.ConnectionString, TestServers.Redis))
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        // Npgsql writes timestamptz only from UTC values, as the system clock gives them.
        _time = new FakeTimeProvider(BeforeTet.ToUniversalTime());
    }

    [TearDown]
    public async Task TearDownAsync() => await _database.DisposeAsync();

    [Test]
    public async Task CreateAsync_BeforeTet2026_GetsCodeDefaultUnitWorkingDayDueDateAndCreatedEvent()
    {
        await using var db = _database.CreateContext();

        var intake = await Intake(db).CreateAsync(new TicketRequest("msg-1", "zalo-1", "trat-tu-do-thi", "Lấn chiếm vỉa hè đường Võ Văn Tần", "phuong-1"), default);

        await using var check = _database.CreateContext();
        var ticket = await check.Tickets.Include(t => t.Unit).Include(t => t.Ward).Include(t => t.Events).SingleAsync();
        Assert.That(intake.Created, Is.True);
        Assert.That(ticket.Code, Is.EqualTo("PA-2026-000001"));
        Assert.That(intake.Code, Is.EqualTo(ticket.Code));
        // 7 working days after Fri 13/02 with Tết 16–20/02 off.
        Assert.That(ticket.DueDate, Is.EqualTo(new DateOnly(2026, 3, 3)));
        Assert.That(ticket.Unit!.Code, Is.EqualTo("phong-quan-ly-do-thi"));
        Assert.That(ticket.Ward!.Code, Is.EqualTo("phuong-1"));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Received));
        Assert.That(ticket.Events.Single().Kind, Is.EqualTo(TicketEventKind.Created));
        Assert.That(ticket.Events.Single().At, Is.EqualTo(BeforeTet));
    }

    [Test]
    public async Task CreateAsync_SameSourceMessageTwice_ReturnsTheFirstTicket()
    {
        await using var db = _database.CreateContext();
        var first = await Intake(db).CreateAsync(new TicketRequest("msg-1", "zalo-1", "ha-tang", "Đèn đường hỏng"), default);

        await using var db2 = _database.CreateContext();
        var second = await Intake(db2).CreateAsync(new TicketRequest("msg-1", "zalo-1", "ha-tang", "Đèn đường hỏng"), default);

        Assert.That(second, Is.EqualTo(first with { Created = false }));
        await using var check = _database.CreateContext();
        Assert.That(await check.Tickets.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateAsync_ConcurrentCallsWithOneKey_CreateExactlyOneTicketAndUseOneNumber()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = _database.CreateContext();
            return await Intake(db).CreateAsync(new TicketRequest("msg-same", "zalo-1", "ha-tang", "Cống bị tắc"), default);
        }));

        await using var check = _database.CreateContext();
        Assert.That(await check.Tickets.CountAsync(), Is.EqualTo(1));
        Assert.That(results.Select(r => r.Code).Distinct(), Is.EqualTo(new[] { "PA-2026-000001" }));
        Assert.That(results.Count(r => r.Created), Is.EqualTo(1));
        Assert.That((await check.TicketCodeCounters.SingleAsync()).LastValue, Is.EqualTo(1));
    }

    [Test]
    public async Task CreateAsync_ConcurrentCallsWithDifferentKeys_GetConsecutiveDistinctCodes()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            await using var db = _database.CreateContext();
            return await Intake(db).CreateAsync(new TicketRequest($"msg-{i}", $"zalo-{i % 3}", "ha-tang", "Cống bị tắc"), default);
        }));

        Assert.That(results.Select(r => r.Code).Order(), Is.EqualTo(Enumerable.Range(1, 8).Select(i => $"PA-2026-{i:D6}")));
    }

    [Test]
    public async Task CreateAsync_ContactWithoutConsent_IsNotStored()
    {
        await using var db = _database.CreateContext();
        await Intake(db).CreateAsync(new TicketRequest("msg-1", "zalo-1", "ha-tang", "Ổ gà", ContactName: "Nguyễn Văn A", ContactPhone: "0909000000"), default);

        await using var check = _database.CreateContext();
        var ticket = await check.Tickets.SingleAsync();
        Assert.That(ticket.ContactName, Is.Null);
        Assert.That(ticket.ContactPhone, Is.Null);
    }

    [Test]
    public async Task CreateAsync_ContactWithConsent_IsStored()
    {
        await using (var seed = _database.CreateContext())
        {
            var at = BeforeTet.ToUniversalTime();
            var citizen = new Citizen { ZaloUserId = "zalo-1", FirstSeenAt = at, LastInteractionAt = at };
            citizen.Consents.Add(new ConsentRecord { Purpose = "contact-for-feedback", ConsentText = "Đồng ý", Channel = "typed", GivenAt = at });
            seed.Citizens.Add(citizen);
            await seed.SaveChangesAsync();
        }

        await using var db = _database.CreateContext();
        var consentId = await db.ConsentRecords.Select(c => c.Id).SingleAsync();
        await Intake(db).CreateAsync(new TicketRequest("msg-1", "zalo-1", "ha-tang", "Ổ gà", ContactName: "Nguyễn Văn A", ContactPhone: "0909000000", ConsentRecordId: consentId), default);

        await using var check = _database.CreateContext();
        var ticket = await check.Tickets.SingleAsync();
        Assert.That(ticket.ContactPhone, Is.EqualTo("0909000000"));
        Assert.That(ticket.ConsentRecordId, Is.EqualTo(consentId));
    }

    [Test]
    public async Task CreateAsync_WithAttachments_LinksOnlyThatCitizensUnattachedFiles()
    {
        var own = Guid.NewGuid();
        var foreign = Guid.NewGuid();
        await using (var seed = _database.CreateContext())
        {
            seed.Attachments.Add(new Attachment { Id = own, ZaloUserId = "zalo-1", ContentType = "image/jpeg", Sha256 = "a", Content = [1], CreatedAt = BeforeTet.ToUniversalTime() });
            seed.Attachments.Add(new Attachment { Id = foreign, ZaloUserId = "zalo-2", ContentType = "image/jpeg", Sha256 = "b", Content = [2], CreatedAt = BeforeTet.ToUniversalTime() });
            await seed.SaveChangesAsync();
        }

        await using var db = _database.CreateContext();
        var intake = await Intake(db).CreateAsync(new TicketRequest("msg-1", "zalo-1", "ha-tang", "Ảnh ổ gà", AttachmentIds: [own, foreign]), default);

        await using var check = _database.CreateContext();
        Assert.That((await check.Attachments.SingleAsync(a => a.Id == own)).TicketId, Is.EqualTo(intake.TicketId));
        Assert.That((await check.Attachments.SingleAsync(a => a.Id == foreign)).TicketId, Is.Null);
    }

    [Test]
    public async Task FindForCitizenAsync_AnotherUsersCode_ReturnsNull()
    {
        await using var db = _database.CreateContext();
        var intake = await Intake(db).CreateAsync(new TicketRequest("msg-1", "zalo-owner", "ha-tang", "Ổ gà"), default);

        Assert.That(await Citizen(db).FindForCitizenAsync("zalo-other", intake.Code, default), Is.Null);
        Assert.That((await Citizen(db).FindForCitizenAsync("zalo-owner", intake.Code.ToLowerInvariant(), default))!.Code, Is.EqualTo(intake.Code));
        Assert.That((await Citizen(db).ListForCitizenAsync("zalo-owner", 10, default)).Select(t => t.Code), Is.EqualTo(new[] { intake.Code }));
        Assert.That(await Citizen(db).ListForCitizenAsync("zalo-other", 10, default), Is.Empty);
    }

    [Test]
    public async Task ChangeStatusAsync_WholeWorkflow_RecordsEveryStepAndNotifiesTheCitizen()
    {
        var intake = await CreateAsync();
        foreach (var to in new[] { TicketStatus.Accepted, TicketStatus.InProgress, TicketStatus.Answered, TicketStatus.Closed })
        {
            await using var db = _database.CreateContext();
            var result = await Staff(db).ChangeStatusAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), to, null, default);
            Assert.That(result.Outcome, Is.EqualTo(TicketActionOutcome.Done), result.Code.ToString());
        }

        await using var check = _database.CreateContext();
        var events = await check.TicketEvents.Where(e => e.Kind == TicketEventKind.StatusChanged).OrderBy(e => e.Id).ToListAsync();
        Assert.That(events.Select(e => (e.FromStatus, e.ToStatus)), Is.EqualTo(new (TicketStatus?, TicketStatus?)[]
        {
            (TicketStatus.Received, TicketStatus.Accepted), (TicketStatus.Accepted, TicketStatus.InProgress),
            (TicketStatus.InProgress, TicketStatus.Answered), (TicketStatus.Answered, TicketStatus.Closed),
        }));
        Assert.That(events.Select(e => e.ActorUserId).Distinct(), Is.EqualTo(new[] { "office-1" }));
        Assert.That(events.Select(e => e.ActorName).Distinct(), Is.EqualTo(new[] { "Nguyễn Văn Phòng" }));
        var outbox = await check.OutboundMessages.OrderBy(o => o.Id).ToListAsync();
        // Accepted, in progress, answered (rating + "not resolved"), closed.
        Assert.That(outbox, Has.Count.EqualTo(5));
        Assert.That(outbox.Select(o => o.Priority).Distinct(), Is.EqualTo(new[] { OutboundPriority.Notification }));
        Assert.That(outbox.Select(o => o.ZaloUserId).Distinct(), Is.EqualTo(new[] { "zalo-1" }));
        var rating = OutboxPayload.FromJson(outbox[2].Payload);
        // The engine's hidden commands, which it handles whatever the conversation is doing.
        Assert.That(rating.Buttons!.Select(b => b.Payload), Is.EqualTo(Enumerable.Range(1, 5).Select(n => $"#rate:{intake.Code}:{n}")));
        Assert.That(rating.Buttons!.Select(b => b.Kind).Distinct(), Is.EqualTo(new[] { "query-hide" }));
        Assert.That(OutboxPayload.FromJson(outbox[3].Payload).Buttons!.Single().Payload, Is.EqualTo($"#reopen:{intake.Code}"));
        var ticket = await check.Tickets.SingleAsync();
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Closed));
        Assert.That(ticket.ClosedAt, Is.EqualTo(BeforeTet));
    }

    [TestCase(TicketStatus.Answered)]
    [TestCase(TicketStatus.Closed)]
    [TestCase(TicketStatus.InProgress)]
    public async Task ChangeStatusAsync_ForbiddenFromReceived_IsRefusedAndNothingWritten(TicketStatus to)
    {
        var intake = await CreateAsync();
        await using var db = _database.CreateContext();

        var result = await Staff(db).ChangeStatusAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), to, null, default);

        await using var check = _database.CreateContext();
        Assert.That(result.Outcome, Is.EqualTo(TicketActionOutcome.Invalid));
        Assert.That((await check.Tickets.SingleAsync()).Status, Is.EqualTo(TicketStatus.Received));
        Assert.That(await check.TicketEvents.CountAsync(), Is.EqualTo(1));
        Assert.That(await check.OutboundMessages.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task ChangeStatusAsync_RejectWithoutReason_IsRefused_WithReason_StoresIt()
    {
        var intake = await CreateAsync();
        await using var db = _database.CreateContext();
        var version = await VersionAsync(intake.TicketId);

        var refused = await Staff(db).ChangeStatusAsync(OfficeActor, intake.TicketId, version, TicketStatus.Rejected, "  ", default);
        var done = await Staff(db).ChangeStatusAsync(OfficeActor, intake.TicketId, version, TicketStatus.Rejected, "Không thuộc thẩm quyền", default);

        await using var check = _database.CreateContext();
        Assert.That(refused.Outcome, Is.EqualTo(TicketActionOutcome.Invalid));
        Assert.That(done.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That((await check.Tickets.SingleAsync()).RejectionReason, Is.EqualTo("Không thuộc thẩm quyền"));
        Assert.That(OutboxPayload.FromJson((await check.OutboundMessages.SingleAsync()).Payload).Text, Does.Contain("Không thuộc thẩm quyền"));
    }

    [Test]
    public async Task ReplyAsync_OpenWindow_StoresReplyEventAndOutboxRowLinked()
    {
        var intake = await CreateAsync();
        await using var db = _database.CreateContext();
        var key = Guid.NewGuid();

        var result = await Staff(db).ReplyAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), "Đã dọn vỉa hè.", key, markAnswered: false, default);

        await using var check = _database.CreateContext();
        var reply = await check.TicketEvents.SingleAsync(e => e.Kind == TicketEventKind.Reply);
        var outbound = await check.OutboundMessages.SingleAsync();
        Assert.That(result.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That(reply.OutboundMessageId, Is.EqualTo(outbound.Id));
        Assert.That(reply.ActorUserId, Is.EqualTo("office-1"));
        Assert.That(reply.Text, Is.EqualTo("Đã dọn vỉa hè."));
        Assert.That(outbound.ZaloUserId, Is.EqualTo("zalo-1"));
        Assert.That(outbound.TicketId, Is.EqualTo(intake.TicketId));
        Assert.That(outbound.State, Is.EqualTo(OutboundState.Queued));
        Assert.That(outbound.Priority, Is.EqualTo(OutboundPriority.Interactive));
        Assert.That(outbound.IdempotencyKey, Is.EqualTo($"reply:{key:N}"));
        Assert.That(OutboxPayload.FromJson(outbound.Payload).Text, Is.EqualTo($"Phản hồi cho phản ánh {intake.Code}:\nĐã dọn vỉa hè."));
    }

    [Test]
    public async Task ReplyAsync_MarkAnswered_MovesToAnsweredAndAsksForRating()
    {
        var intake = await CreateAsync();
        await using (var db = _database.CreateContext())
        {
            await Staff(db).ChangeStatusAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), TicketStatus.Accepted, null, default);
        }

        await using var db2 = _database.CreateContext();
        var result = await Staff(db2).ReplyAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), "Đã xử lý.", Guid.NewGuid(), markAnswered: true, default);

        await using var check = _database.CreateContext();
        Assert.That(result.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That((await check.Tickets.SingleAsync()).Status, Is.EqualTo(TicketStatus.Answered));
        // Accepted notification, the reply, the rating request and the "not resolved" offer.
        Assert.That(await check.OutboundMessages.CountAsync(), Is.EqualTo(4));
    }

    [Test]
    public async Task ReplyAsync_SevenDaysAfterLastInteraction_IsRefusedAndNothingQueued()
    {
        var intake = await CreateAsync();
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await using var db = _database.CreateContext();

        var result = await Staff(db).ReplyAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), "Trả lời muộn", Guid.NewGuid(), false, default);
        var call = await Staff(db).RecordPhoneCallAsync(OfficeActor, intake.TicketId, "Đã gọi điện, công dân đồng ý kết quả.", default);

        await using var check = _database.CreateContext();
        Assert.That(result.Outcome, Is.EqualTo(TicketActionOutcome.WindowClosed));
        Assert.That(call.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That(await check.OutboundMessages.CountAsync(), Is.Zero);
        Assert.That(await check.TicketEvents.CountAsync(e => e.Kind == TicketEventKind.Reply), Is.Zero);
        Assert.That(await check.TicketEvents.CountAsync(e => e.Kind == TicketEventKind.PhoneCall), Is.EqualTo(1));
    }

    [Test]
    public async Task ChangeStatusAsync_TwoStaffFromTheSamePage_SecondGetsConflictAndFirstIsKept()
    {
        var intake = await CreateAsync();
        var seenByBoth = await VersionAsync(intake.TicketId);
        var other = OfficeActor with { UserId = "office-2", Name = "Trần Thị B" };
        var wardId = await WardIdAsync("phuong-2");

        await using var first = _database.CreateContext();
        var firstResult = await Staff(first).AssignAsync(OfficeActor, intake.TicketId, seenByBoth, wardId, "Nhờ phường kiểm tra", default);
        await using var second = _database.CreateContext();
        var secondResult = await Staff(second).ChangeStatusAsync(other, intake.TicketId, seenByBoth, TicketStatus.Rejected, "Trùng", default);

        await using var check = _database.CreateContext();
        var ticket = await check.Tickets.SingleAsync();
        Assert.That(firstResult.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That(secondResult.Outcome, Is.EqualTo(TicketActionOutcome.Conflict));
        Assert.That(Texts.Message(secondResult), Does.StartWith("Phản ánh này vừa được người khác cập nhật."));
        Assert.That(ticket.UnitId, Is.EqualTo(wardId));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Received));
        Assert.That(await check.TicketEvents.CountAsync(e => e.ActorUserId == "office-2"), Is.Zero);
    }

    [Test]
    public async Task ReplyAsync_TicketChangedBetweenLoadAndSave_ConflictsAndQueuesNothing()
    {
        var intake = await CreateAsync();
        var version = await VersionAsync(intake.TicketId);
        await using var db = _database.CreateContext();
        // Load the ticket in this context first, as the desk does, then let someone else change it.
        var interceptor = db.Tickets.Single(t => t.Id == intake.TicketId);
        await using (var other = _database.CreateContext())
        {
            await other.Tickets.Where(t => t.Id == intake.TicketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LocationAddress, "Số 1"));
        }

        var result = await Staff(db).ReplyAsync(OfficeActor, intake.TicketId, version, "Trả lời", Guid.NewGuid(), false, default);

        await using var check = _database.CreateContext();
        Assert.That(interceptor.Version, Is.EqualTo(version));
        Assert.That(result.Outcome, Is.EqualTo(TicketActionOutcome.Conflict));
        Assert.That(await check.OutboundMessages.CountAsync(), Is.Zero);
        Assert.That(await check.TicketEvents.CountAsync(e => e.Kind == TicketEventKind.Reply), Is.Zero);
    }

    [Test]
    public async Task Actions_UnitUserOnAnotherUnitsTicket_AreNotFoundAndWriteNothing()
    {
        var intake = await CreateAsync();
        var ward2 = await WardIdAsync("phuong-2");
        var wardUser = new StaffActor("ward-1", "Lê Phường Một", SeesAllTickets: false, UnitId: await WardIdAsync("phuong-1"), CanEditTickets: true);
        var version = await VersionAsync(intake.TicketId);
        await using var db = _database.CreateContext();
        var desk = Staff(db);

        var outcomes = new[]
        {
            (await desk.ChangeStatusAsync(wardUser, intake.TicketId, version, TicketStatus.Accepted, null, default)).Outcome,
            (await desk.AssignAsync(wardUser, intake.TicketId, version, ward2, null, default)).Outcome,
            (await desk.ReplyAsync(wardUser, intake.TicketId, version, "x", Guid.NewGuid(), false, default)).Outcome,
            (await desk.AddNoteAsync(wardUser, intake.TicketId, "x", default)).Outcome,
            (await desk.RecordPhoneCallAsync(wardUser, intake.TicketId, "x", default)).Outcome,
        };

        await using var check = _database.CreateContext();
        Assert.That(outcomes, Is.All.EqualTo(TicketActionOutcome.NotFound));
        Assert.That(await check.TicketEvents.CountAsync(), Is.EqualTo(1));
        Assert.That(await check.OutboundMessages.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task RateAndReopenByCitizen_AnsweredTicket_RecordsRatingThenReopens()
    {
        var intake = await CreateAsync();
        foreach (var to in new[] { TicketStatus.Accepted, TicketStatus.Answered })
        {
            await using var step = _database.CreateContext();
            await Staff(step).ChangeStatusAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), to, null, default);
        }

        await using var db = _database.CreateContext();
        var wrongUser = await Citizen(db).RateByCitizenAsync("zalo-other", intake.Code, 5, default);
        var rated = await Citizen(db).RateByCitizenAsync("zalo-1", intake.Code, 2, default);
        await using var db2 = _database.CreateContext();
        var reopened = await Citizen(db2).ReopenByCitizenAsync("zalo-1", intake.Code, default);

        await using var check = _database.CreateContext();
        var ticket = await check.Tickets.SingleAsync();
        Assert.That(wrongUser.Outcome, Is.EqualTo(TicketActionOutcome.NotFound));
        Assert.That(rated.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That(reopened.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That(ticket.Rating, Is.EqualTo(2));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.InProgress));
        Assert.That(await check.TicketEvents.CountAsync(e => e.Kind == TicketEventKind.Reopened && e.ActorName == Texts.CitizenActor), Is.EqualTo(1));
    }

    [Test]
    public async Task ReopenAsync_ClosedTicket_BackToInProgressAndCitizenTold()
    {
        var intake = await CreateAsync();
        foreach (var to in new[] { TicketStatus.Accepted, TicketStatus.Answered, TicketStatus.Closed })
        {
            await using var step = _database.CreateContext();
            await Staff(step).ChangeStatusAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), to, null, default);
        }

        await using var db = _database.CreateContext();
        var reopened = await Staff(db).ReopenAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), "Công dân gọi điện báo chưa xử lý", default);
        await using var db2 = _database.CreateContext();
        var again = await Staff(db2).ReopenAsync(OfficeActor, intake.TicketId, await VersionAsync(intake.TicketId), null, default);

        await using var check = _database.CreateContext();
        var ticket = await check.Tickets.SingleAsync();
        Assert.That(reopened.Outcome, Is.EqualTo(TicketActionOutcome.Done));
        Assert.That(again.Outcome, Is.EqualTo(TicketActionOutcome.Invalid));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.InProgress));
        Assert.That(ticket.ClosedAt, Is.Null);
        var last = await check.OutboundMessages.OrderByDescending(o => o.Id).FirstAsync();
        Assert.That(OutboxPayload.FromJson(last.Payload).Text, Is.EqualTo($"Phản ánh {intake.Code} đã được mở lại và tiếp tục xử lý."));
        var reopenEvent = await check.TicketEvents.SingleAsync(e => e.Kind == TicketEventKind.Reopened);
        Assert.That(reopenEvent.Text, Is.EqualTo("Công dân gọi điện báo chưa xử lý"));
        Assert.That(reopenEvent.ActorUserId, Is.EqualTo("office-1"));
    }

    private static readonly TicketTexts Texts = TicketTexts.Load(Path.Combine(AppContext.BaseDirectory, "content"));

    private TicketIntakeDesk Intake(ZaloBotDbContext db) => new(db, Texts, _time);

    private CitizenTicketDesk Citizen(ZaloBotDbContext db) => new(db, Texts, _time);

    private StaffTicketDesk Staff(ZaloBotDbContext db) =>
        new(db, new TicketNotifications(db, new CitizenNotices(BotTexts.Default), new TicketMessages(BotTexts.Default)), _time);

    private async Task<TicketIntake> CreateAsync()
    {
        await using var db = _database.CreateContext();
        return await Intake(db).CreateAsync(new TicketRequest("msg-" + Guid.NewGuid().ToString("N"), "zalo-1", "trat-tu-do-thi", "Lấn chiếm vỉa hè", "phuong-1"), default);
    }

    private async Task<uint> VersionAsync(long ticketId)
    {
        await using var db = _database.CreateContext();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Version).SingleAsync();
    }

    private async Task<int> WardIdAsync(string code)
    {
        await using var db = _database.CreateContext();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }
}
