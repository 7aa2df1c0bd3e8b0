using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>
/// The held-messages screen over real HTTP: a live-chat line held as "unknown — check" has a place and a resend
/// (it has no ticket page); the office sees every kind, a ward only its tickets'; resend is audited and happens once.
/// </summary>
public sealed class HeldMessagesHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task HeldHandoffReply_OfficeSeesAndResendsOnce_Audited_WardSeesOnlyItsTicketsAndCannotResendIt()
    {
        var ward1 = await _world.CreateTicketAsync("Đèn đường bị hỏng", assignToUnitCode: "phuong-1", zaloUserId: "zalo-held-p1");
        var ward2 = await _world.CreateTicketAsync("Rác thải ven kênh", assignToUnitCode: "phuong-2", wardCode: "phuong-2", zaloUserId: "zalo-held-p2");
        long handoffId, chatLine, ward1Line, ward2Line;
        await using (var db = _world.Database.CreateContext())
        {
            var handoff = new HandoffRequest { ZaloUserId = "zalo-held-chat", RequestedAt = TimeProvider.System.GetUtcNow(), State = HandoffRequestState.Active, TakenByUserId = "office" };
            db.HandoffRequests.Add(handoff);
            await db.SaveChangesAsync();
            handoffId = handoff.Id;
            chatLine = await HoldAsync(db, "zalo-held-chat", $"{HeldMessages.HandoffKeyPrefix}{handoffId}:{Guid.NewGuid():N}", null, "Anh gửi giúp em ảnh giấy phép nhé.");
            ward1Line = await HoldAsync(db, "zalo-held-p1", $"reply:{Guid.NewGuid():N}", ward1.TicketId, "Phường đã sửa đèn.");
            ward2Line = await HoldAsync(db, "zalo-held-p2", $"reply:{Guid.NewGuid():N}", ward2.TicketId, "Phường đã dọn rác.");
        }

        using var office = await _world.SignInAsync(ConsoleWorld.Office);
        using var ward = await _world.SignInAsync(ConsoleWorld.Ward1);
        var officePage = await office.GetStringAsync("/console/held");
        var wardPage = await ward.GetStringAsync("/console/held");
        var officeToken = await ConsoleWorld.GetFormTokenAsync(office, "/console/held");
        var wardToken = await ConsoleWorld.GetFormTokenAsync(ward, "/console/held");
        using var forged = await office.PostAsync("/console/held?handler=Resend", Form(chatLine, token: null));
        using var wardTriesTheChat = await ward.PostAsync("/console/held?handler=Resend", Form(chatLine, wardToken));
        using var wardTriesWard2 = await ward.PostAsync("/console/held?handler=Resend", Form(ward2Line, wardToken));
        var heldAfterRefusals = (await StateAsync(chatLine), await StateAsync(ward2Line));
        using var resend = await office.PostAsync("/console/held?handler=Resend", Form(chatLine, officeToken));
        using var twice = await office.PostAsync("/console/held?handler=Resend", Form(chatLine, officeToken));

        Assert.That(officePage, Does.Contain("Anh gửi giúp em ảnh giấy phép nhé.").And.Contain("Phường đã sửa đèn.").And.Contain("Phường đã dọn rác.")
            .And.Contain("Trò chuyện trực tiếp").And.Contain($"/console/handoffs/{handoffId}").And.Contain("Gửi lại"));
        Assert.That(wardPage, Does.Contain("Phường đã sửa đèn.").And.Not.Contain("Anh gửi giúp em").And.Not.Contain("Phường đã dọn rác."));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no anti-forgery token");
        Assert.That((wardTriesTheChat.StatusCode, wardTriesWard2.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
        Assert.That(heldAfterRefusals, Is.EqualTo((OutboundState.Unknown, OutboundState.Unknown)), "refused posts resend nothing");
        Assert.That((resend.StatusCode, twice.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        // Back in the queue (the world's outbox worker may already have taken it).
        Assert.That(await StateAsync(chatLine), Is.AnyOf(OutboundState.Queued, OutboundState.Sending, OutboundState.Sent));
        Assert.That(await StateAsync(ward1Line), Is.EqualTo(OutboundState.Unknown));
        await using var check = _world.Database.CreateContext();
        var audit = await check.AuditEntries.Where(a => a.Action == "outbox.resend").ToListAsync();
        Assert.That(audit.Select(a => (a.Target, a.ActorName, a.Detail!.Split(';')[0])),
            Is.EqualTo(new[] { ($"outbound:{chatLine}", "Nguyễn Văn Phòng", nameof(HeldKind.HandoffReply)) }));
    }

    private static async Task<long> HoldAsync(Web.Storage.ZaloBotDbContext db, string user, string key, long? ticketId, string text)
    {
        var row = new OutboxPayload(text).ToOutbound(user, key, OutboundPriority.Interactive, TimeProvider.System.GetUtcNow(), ticketId);
        row.State = OutboundState.Unknown;
        row.Attempts = 1;
        row.AttemptedAt = TimeProvider.System.GetUtcNow();
        row.ErrorReason = OutboxSender.UnknownReasonPrefix + " (timed out); held: check with the citizen, then resend";
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static FormUrlEncodedContent Form(long messageId, string? token)
    {
        var fields = new Dictionary<string, string> { ["messageId"] = messageId.ToString(CultureInfo.InvariantCulture) };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    private async Task<OutboundState> StateAsync(long id)
    {
        await using var db = _world.Database.CreateContext();
        return await db.OutboundMessages.Where(m => m.Id == id).Select(m => m.State).SingleAsync();
    }
}
