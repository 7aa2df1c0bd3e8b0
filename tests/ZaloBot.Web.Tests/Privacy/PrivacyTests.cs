using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Privacy;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Privacy;

/// <summary>Retention periods, withdrawn consent, and the Admin screen that handles a deletion request.</summary>
public sealed class PrivacyTests
{
    private ConsoleWorld _world = null!;

    [SetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [TearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task RetentionRun_DeletesOnlyWhatIsPastItsPeriod_AndErasesContactOfWithdrawnConsent()
    {
        var now = TimeProvider.System.GetUtcNow();
        var ticket = await _world.CreateTicketAsync("Đèn đường hỏng", zaloUserId: "zalo-ret");
        await using (var db = _world.Database.CreateContext())
        {
            var citizen = await db.Citizens.SingleAsync(c => c.ZaloUserId == "zalo-ret");
            var consent = new ConsentRecord { CitizenId = citizen.Id, Purpose = "contact-for-feedback", ConsentText = "Đồng ý", Channel = "typed", GivenAt = now.AddDays(-3), WithdrawnAt = now.AddDays(-1) };
            db.ConsentRecords.Add(consent);
            await db.SaveChangesAsync();
            await db.Tickets.Where(t => t.Id == ticket.TicketId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.ConsentRecordId, consent.Id).SetProperty(t => t.ContactName, "Nguyễn Văn An").SetProperty(t => t.ContactPhone, "0912345678"));
            db.InboxEvents.AddRange(
                Inbox("old-done", InboxEventState.Forwarded, now.AddDays(-31)),
                Inbox("new-done", InboxEventState.Forwarded, now.AddDays(-1)),
                Inbox("old-dead", InboxEventState.DeadLettered, now.AddDays(-31)),
                Inbox("old-pending", InboxEventState.Pending, now.AddDays(-31)));
            db.Transcript.AddRange(
                new TranscriptEntry { ZaloUserId = "zalo-ret", Direction = TranscriptDirection.FromCitizen, Text = "cũ", At = now.AddDays(-181), SourceId = "tr-old" },
                new TranscriptEntry { ZaloUserId = "zalo-ret", Direction = TranscriptDirection.FromCitizen, Text = "mới", At = now.AddDays(-1), SourceId = "tr-new" });
            db.Attachments.AddRange(
                File("zalo-ret", null, now.AddDays(-8)),
                File("zalo-ret", null, now.AddDays(-1)),
                File("zalo-ret", ticket.TicketId, now.AddDays(-100)));
            db.ProcessedEvents.AddRange(
                new ProcessedEvent { Key = "ret-marker-old", ProcessedAt = now.AddDays(-31) },
                new ProcessedEvent { Key = "ret-marker-in-window", ProcessedAt = now.AddDays(-4) });
            await db.SaveChangesAsync();
        }

        // The hosted worker also runs once at start; whichever pass deletes, the end state is the same.
        await _world.Factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);

        await using var check = _world.Database.CreateContext();
        Assert.That(await check.InboxEvents.OrderBy(e => e.DedupeKey).Select(e => e.DedupeKey).ToListAsync(), Is.EqualTo(new[] { "new-done", "old-dead", "old-pending" }));
        Assert.That(await check.Transcript.Select(t => t.Text).ToListAsync(), Is.EqualTo(new[] { "mới" }));
        Assert.That(await check.Attachments.CountAsync(), Is.EqualTo(2));
        Assert.That(await check.ProcessedEvents.Where(p => p.Key.StartsWith("ret-marker")).Select(p => p.Key).ToListAsync(), Is.EqualTo(new[] { "ret-marker-in-window" }));
        var contact = await check.Tickets.Where(t => t.Id == ticket.TicketId).Select(t => new { t.ContactName, t.ContactPhone }).SingleAsync();
        Assert.That((contact.ContactName, contact.ContactPhone), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public async Task DeletionRequest_AdminErasesFromTheScreen_DataGone_TicketKeptAnonymised_WhatWasDoneShown()
    {
        var now = TimeProvider.System.GetUtcNow();
        var ticket = await _world.CreateTicketAsync("Rác thải trên vỉa hè", zaloUserId: "zalo-erase");
        long requestId;
        await using (var db = _world.Database.CreateContext())
        {
            var citizen = await db.Citizens.SingleAsync(c => c.ZaloUserId == "zalo-erase");
            citizen.DisplayName = "Trần Thị Bình";
            citizen.Phone = "0987654321";
            db.ConsentRecords.Add(new ConsentRecord { CitizenId = citizen.Id, Purpose = "contact-for-feedback", ConsentText = "Đồng ý", Channel = "typed", GivenAt = now });
            db.Transcript.Add(new TranscriptEntry { ZaloUserId = "zalo-erase", Direction = TranscriptDirection.FromCitizen, Text = "nhà tôi ở 12 Lê Lợi", At = now, SourceId = "er-1" });
            db.Attachments.Add(File("zalo-erase", null, now));
            db.Attachments.Add(File("zalo-erase", ticket.TicketId, now));
            var sent = new ZaloBot.Web.Outbox.OutboxPayload("Chị Bình ơi, phường đã nhận phản ánh ở 12 Lê Lợi.")
                .ToOutbound("zalo-erase", "test:erase:sent", ZaloBot.Web.Outbox.OutboundPriority.Interactive, now, ticket.TicketId);
            sent.State = ZaloBot.Web.Outbox.OutboundState.Sent;
            db.OutboundMessages.Add(sent);
            db.OutboundMessages.Add(new ZaloBot.Web.Outbox.OutboxPayload("Nhắc lịch hẹn ở 12 Lê Lợi")
                .ToOutbound("zalo-erase", "test:erase:queued", ZaloBot.Web.Outbox.OutboundPriority.Notification, now.AddHours(1)));
            var request = new DeletionRequest { CitizenId = citizen.Id, RequestedAt = now };
            db.DeletionRequests.Add(request);
            await db.SaveChangesAsync();
            await db.Tickets.Where(t => t.Id == ticket.TicketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ContactName, "Trần Thị Bình").SetProperty(t => t.ContactPhone, "0987654321"));
            requestId = request.Id;
        }

        using var admin = await _world.SignInAsync(ConsoleWorld.Admin);
        var before = await admin.GetStringAsync("/console/privacy");
        var token = await ConsoleWorld.GetFormTokenAsync(admin, "/console/privacy");
        using var erase = await admin.PostAsync("/console/privacy?handler=erase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));
        using var again = await admin.PostAsync("/console/privacy?handler=erase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));
        var after = await admin.GetStringAsync("/console/privacy");
        using var office = await _world.SignInAsync(ConsoleWorld.Office);
        using var denied = await office.GetAsync("/console/privacy");

        Assert.That(before, Does.Contain("Chờ xử lý").And.Contain("1 phản ánh, 1 dòng trò chuyện, 2 ảnh/tệp"));
        Assert.That((erase.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.NotFound)));
        Assert.That(after, Does.Contain("Đã xử lý").And.Contain("transcript=1").And.Contain("tickets-contact-erased=1").And.Contain("outbox-texts-erased=2"));
        Assert.That(denied.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        await using var check = _world.Database.CreateContext();
        var citizenAfter = await check.Citizens.SingleAsync(c => c.ZaloUserId == "zalo-erase");
        Assert.That((citizenAfter.DisplayName, citizenAfter.Phone), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(await check.Transcript.CountAsync(t => t.ZaloUserId == "zalo-erase"), Is.Zero);
        Assert.That(await check.Attachments.Where(a => a.ZaloUserId == "zalo-erase").Select(a => a.TicketId).ToListAsync(), Is.EqualTo(new long?[] { ticket.TicketId }));
        var kept = await check.Tickets.SingleAsync(t => t.Id == ticket.TicketId);
        Assert.That((kept.Text, kept.ContactName, kept.ContactPhone), Is.EqualTo(("Rác thải trên vỉa hè", (string?)null, (string?)null)));
        Assert.That(await check.ConsentRecords.CountAsync(c => c.Citizen!.ZaloUserId == "zalo-erase" && c.WithdrawnAt == null), Is.Zero);
        Assert.That(await check.DeletionRequests.Where(r => r.Id == requestId).Select(r => r.HandledAt).SingleAsync(), Is.Not.Null);
        var outbox = await check.OutboundMessages.AsNoTracking().Where(m => m.ZaloUserId == "zalo-erase").OrderBy(m => m.Id).ToListAsync();
        Assert.That(outbox.Select(m => ZaloBot.Web.Outbox.OutboxPayload.FromJson(m.Payload).Text), Is.All.Empty, "the texts sent to the citizen are erased");
        Assert.That(outbox.Select(m => m.State), Is.EqualTo(new[] { ZaloBot.Web.Outbox.OutboundState.Sent, ZaloBot.Web.Outbox.OutboundState.Failed }), "what was waiting is cancelled");
    }

    private static InboxEvent Inbox(string key, InboxEventState state, DateTimeOffset at) =>
        new() { DedupeKey = key, EventName = "user_send_text", Payload = "{}", ReceivedAt = at, State = state };

    private static Attachment File(string user, long? ticketId, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), ZaloUserId = user, TicketId = ticketId, ContentType = "image/jpeg", Sha256 = Guid.NewGuid().ToString("N"), Content = [1, 2, 3], SizeBytes = 3, CreatedAt = at };
}
