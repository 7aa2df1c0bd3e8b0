using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>The ticket page's one-click resend of a message held as "unknown — check": shown, anti-forgery, unit scoping, audited, once.</summary>
public sealed class TicketResendTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task HeldReply_ShownWithResend_OfficeResendsOnce_Audited_OtherWardAndForgedPostsRefused()
    {
        var intake = await _world.CreateTicketAsync("Đèn đường bị hỏng", assignToUnitCode: "phuong-1", zaloUserId: "zalo-held");
        long messageId;
        await using (var db = _world.Database.CreateContext())
        {
            var held = new OutboxPayload("Phường đã sửa đèn, cảm ơn anh.")
                .ToOutbound("zalo-held", "test:held:" + intake.TicketId, OutboundPriority.Interactive, TimeProvider.System.GetUtcNow(), intake.TicketId);
            held.State = OutboundState.Unknown;
            held.Attempts = 1;
            held.ErrorReason = "outcome unknown (timed out); held: check with the citizen, then resend";
            db.OutboundMessages.Add(held);
            await db.SaveChangesAsync();
            messageId = held.Id;
        }

        var path = $"/console/tickets/{intake.TicketId}";
        using var office = await _world.SignInAsync(ConsoleWorld.Office);
        var html = await office.GetStringAsync(path);
        var token = await ConsoleWorld.GetFormTokenAsync(office, path);
        using var forged = await office.PostAsync($"{path}?handler=resend", Form(messageId, token: null));
        using var otherWard = await _world.SignInAsync(ConsoleWorld.Ward2);
        var otherToken = await ConsoleWorld.GetFormTokenAsync(otherWard, "/console/tickets");
        using var foreign = await otherWard.PostAsync($"{path}?handler=resend", Form(messageId, otherToken));
        var stillHeld = await StateAsync(messageId);
        using var resend = await office.PostAsync($"{path}?handler=resend", Form(messageId, token));
        using var twice = await office.PostAsync($"{path}?handler=resend", Form(messageId, token));

        Assert.That(html, Does.Contain("Chưa rõ — cần kiểm tra").And.Contain("Gửi lại").And.Contain("Hãy kiểm tra với công dân trước khi gửi lại"));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no anti-forgery token");
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another ward cannot see the ticket");
        Assert.That(stillHeld, Is.EqualTo(OutboundState.Unknown), "the other ward did not resend it");
        Assert.That((resend.StatusCode, twice.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        await using var check = _world.Database.CreateContext();
        var row = await check.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == messageId);
        // Back in the queue (the world's outbox worker may already have taken it).
        Assert.That(row.State, Is.AnyOf(OutboundState.Queued, OutboundState.Sending, OutboundState.Sent));
        var audit = await check.AuditEntries.Where(a => a.Action == "outbox.resend").ToListAsync();
        Assert.That(audit.Select(a => (a.Target, a.ActorName)), Is.EqualTo(new[] { ($"outbound:{messageId}", "Nguyễn Văn Phòng") }));
    }

    private static FormUrlEncodedContent Form(long messageId, string? token)
    {
        var fields = new Dictionary<string, string> { ["messageId"] = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
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
