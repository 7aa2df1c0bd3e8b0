using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>The ticket page over real HTTP: unit scoping by URL, API and POST, conflicts, attachments, forwarding, deliveries and the Zalo window.</summary>
public sealed class TicketPageHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task WardUser_AnotherWardsTicket_IsNotFoundByPageApiAndQueue()
    {
        var own = await _world.CreateTicketAsync("Hố ga mất nắp phường 1", assignToUnitCode: "phuong-1");
        var others = await _world.CreateTicketAsync("Hố ga mất nắp phường 2", assignToUnitCode: "phuong-2", wardCode: "phuong-2");
        using var client = await _world.SignInAsync(ConsoleWorld.Ward1);

        using var ownPage = await client.GetAsync($"/console/tickets/{own.TicketId}");
        using var otherPage = await client.GetAsync($"/console/tickets/{others.TicketId}");
        using var otherApi = await client.GetAsync($"/console/api/tickets/{others.TicketId}");
        using var ownApi = await client.GetAsync($"/console/api/tickets/{own.TicketId}");
        var queue = await client.GetStringAsync("/console/tickets?status=all");

        Assert.That(ownPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(otherPage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(otherApi.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ownApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(queue, Does.Contain(own.Code));
        Assert.That(queue, Does.Not.Contain(others.Code));
    }

    [Test]
    public async Task WardUser_PostToAnotherWardsTicket_IsNotFoundAndChangesNothing()
    {
        var own = await _world.CreateTicketAsync("Đèn đường tắt", assignToUnitCode: "phuong-1");
        var others = await _world.CreateTicketAsync("Đèn đường tắt phường 2", assignToUnitCode: "phuong-2", wardCode: "phuong-2");
        using var client = await _world.SignInAsync(ConsoleWorld.Ward1);
        // A valid token from a page this user may open, replayed against the other ward's ticket.
        var token = await ConsoleWorld.GetFormTokenAsync(client, $"/console/tickets/{own.TicketId}");
        var version = await VersionAsync(others.TicketId);

        using var response = await client.PostAsync($"/console/tickets/{others.TicketId}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await using var db = _world.Database.CreateContext();
        Assert.That((await db.Tickets.SingleAsync(t => t.Id == others.TicketId)).Status, Is.EqualTo(TicketStatus.Received));
    }

    [Test]
    public async Task TicketActions_TwoStaffWithTheSamePage_SecondGets409WithVietnameseMessageAndKeepsItsText()
    {
        var intake = await _world.CreateTicketAsync("Tiếng ồn karaoke ban đêm");
        using var first = await _world.SignInAsync(ConsoleWorld.Office);
        using var second = await _world.SignInAsync(ConsoleWorld.Admin);
        var firstToken = await ConsoleWorld.GetFormTokenAsync(first, $"/console/tickets/{intake.TicketId}");
        var secondToken = await ConsoleWorld.GetFormTokenAsync(second, $"/console/tickets/{intake.TicketId}");
        var version = (await VersionAsync(intake.TicketId)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var accepted = await first.PostAsync($"/console/tickets/{intake.TicketId}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version, ["__RequestVerificationToken"] = firstToken,
        }));
        using var replied = await second.PostAsync($"/console/tickets/{intake.TicketId}?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version, ["text"] = "Chúng tôi sẽ kiểm tra tối nay.", ["replyKey"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = secondToken,
        }));

        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(replied.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var html = await replied.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Phản ánh này vừa được người khác cập nhật."));
        Assert.That(html, Does.Contain("Chúng tôi sẽ kiểm tra tối nay."));
        await using var db = _world.Database.CreateContext();
        Assert.That((await db.Tickets.SingleAsync(t => t.Id == intake.TicketId)).Status, Is.EqualTo(TicketStatus.Accepted));
        Assert.That(await db.OutboundMessages.CountAsync(o => o.TicketId == intake.TicketId && o.Priority == Web.Outbox.OutboundPriority.Interactive), Is.Zero);
    }

    [Test]
    public async Task Attachment_OtherWardUser_IsNotFound_OfficeGetsTheBytes()
    {
        var intake = await _world.CreateTicketAsync("Ảnh rác thải", assignToUnitCode: "phuong-1");
        var id = Guid.NewGuid();
        await using (var db = _world.Database.CreateContext())
        {
            db.Attachments.Add(new Attachment
            {
                Id = id, TicketId = intake.TicketId, ZaloUserId = "zalo-user-1", ContentType = "image/png", SizeBytes = 4,
                Sha256 = "x", Content = [1, 2, 3, 4], CreatedAt = DateTimeOffset.UnixEpoch,
            });
            await db.SaveChangesAsync();
        }

        using var ward2 = await _world.SignInAsync(ConsoleWorld.Ward2);
        using var office = await _world.SignInAsync(ConsoleWorld.Office);

        using var denied = await ward2.GetAsync($"/console/attachments/{id}");
        var bytes = await office.GetByteArrayAsync($"/console/attachments/{id}");

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(bytes, Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
    }

    [Test]
    public async Task WardUser_ForwardsOwnTicketToTheOffice_IsSentBackToTheQueue()
    {
        var own = await _world.CreateTicketAsync("Không thuộc phường, đề nghị văn phòng xem lại", assignToUnitCode: "phuong-1");
        using var client = await _world.SignInAsync(ConsoleWorld.Ward1);
        var token = await ConsoleWorld.GetFormTokenAsync(client, $"/console/tickets/{own.TicketId}");
        int office;
        await using (var db = _world.Database.CreateContext())
        {
            office = await db.OrgUnits.Where(u => u.Code == "vp-hdnd-ubnd").Select(u => u.Id).SingleAsync();
        }

        using var response = await client.PostAsync($"/console/tickets/{own.TicketId}?handler=Assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = (await VersionAsync(own.TicketId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["unitId"] = office.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["note"] = "Chuyển lại văn phòng",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/console/tickets"));
        await using var check = _world.Database.CreateContext();
        var assigned = await check.TicketEvents.SingleAsync(e => e.TicketId == own.TicketId && e.Kind == TicketEventKind.Assigned);
        Assert.That(assigned.UnitId, Is.EqualTo(office));
        Assert.That(assigned.ActorName, Is.EqualTo("Lê Phường Một"));
        Assert.That(assigned.Text, Is.EqualTo("Chuyển lại văn phòng"));
    }

    [Test]
    public async Task TicketPage_FailedDeliveryAndClosedWindow_ShowsReasonAndOffersAPhoneCall()
    {
        var intake = await _world.CreateTicketAsync("Nắp cống bị vỡ", zaloUserId: "zalo-window-closed");
        await using (var db = _world.Database.CreateContext())
        {
            var eightDaysAgo = TimeProvider.System.GetUtcNow().AddDays(-8);
            await db.Citizens.Where(c => c.ZaloUserId == "zalo-window-closed").ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, eightDaysAgo));
            var failed = new Web.Outbox.OutboxPayload("Phản ánh đã được thụ lý.")
                .ToOutbound("zalo-window-closed", "test:failed:" + intake.TicketId, Web.Outbox.OutboundPriority.Notification, eightDaysAgo, intake.TicketId);
            failed.State = Web.Outbox.OutboundState.Failed;
            failed.ErrorCode = -230;
            failed.ErrorReason = "Người dùng không tương tác với OA trong 7 ngày";
            db.OutboundMessages.Add(failed);
            await db.SaveChangesAsync();
        }

        using var client = await _world.SignInAsync(ConsoleWorld.Office);
        var html = await client.GetStringAsync($"/console/tickets/{intake.TicketId}");

        Assert.That(html, Does.Contain("Thất bại"));
        Assert.That(html, Does.Contain("Lý do: Người dùng không tương tác với OA trong 7 ngày (mã -230)"));
        Assert.That(html, Does.Contain("Đã quá 7 ngày kể từ lần tương tác cuối"));
        Assert.That(html, Does.Not.Contain("id=\"reply-form\""));
        Assert.That(html, Does.Contain("id=\"record-call\""));
    }

    private async Task<uint> VersionAsync(long ticketId)
    {
        await using var db = _world.Database.CreateContext();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Version).SingleAsync();
    }
}
