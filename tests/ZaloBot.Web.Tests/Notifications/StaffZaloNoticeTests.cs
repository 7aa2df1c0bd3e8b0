using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Notifications;

/// <summary>
/// Zalo notices to staff, end to end: a ward user makes a link code on /console/account (Chromium), types it in chat from
/// their Zalo account (signed webhook → turn), then gets a Zalo message at the fake Zalo API when a ticket is routed to
/// their unit and the day before it falls due, once each; nothing after they turn Zalo notices off or outside the free
/// 48-hour window.
/// </summary>
public sealed class StaffZaloNoticeTests
{
    private const string StaffZalo = "8200000000000000001";

    [Test]
    public async Task LinkedWardUser_GetsAssignedAndDueNoticesOnZaloOnce_NotAfterOptOutOrOutsideTheWindow()
    {
        await using var fake = new FakeZaloServer();
        await using var browser = await ConsoleBrowser.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StaffZalo:Enabled"] = "true",
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Outbox:IdlePollInterval"] = "00:00:00.080",
        }, configureServices: fake.Attach);
        var world = browser.World;
        await fake.AuthoriseAsync(world.Factory.Services);
        using var webhook = world.CreateClient();
        var chat = new ZaloChat(webhook, fake);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Ward1);
        await page.GotoAsync("/console/account");
        await page.Locator("#zalo-new-code").ClickAsync();
        var code = await page.Locator("#zalo-code strong").InnerTextAsync();
        Assert.That(code, Does.Match("^LK-[0-9A-Z]{8}$"));
        await ConsoleBrowser.ScreenshotAsync(page, "account-zalo-code");

        Assert.That(string.Join("\n", (await chat.SayAsync(StaffZalo, "LK-ZZZZZZZZ")).Select(m => m.Text)), Does.Contain("không đúng hoặc đã hết hạn"));
        var linked = await chat.SayAsync(StaffZalo, code.ToLowerInvariant());
        Assert.That(linked[0].Text, Does.Contain("Đã liên kết Zalo này với tài khoản Lê Phường Một"));
        Assert.That(string.Join("\n", (await chat.SayAsync("8200000000000000002", code)).Select(m => m.Text)), Does.Contain("không đúng"), "a code links once");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#zalo-linked")).ToBeVisibleAsync();

        // Routed to Phường 1: one notice. Due tomorrow: one notice. Queued twice: still one each.
        var ticket = await world.CreateTicketAsync("Vỉa hè trước số 5 Cao Thắng bị lấn chiếm.");
        await AssignToWard1Async(world, ticket.TicketId);
        await QueueAsync(world);
        await QueueAsync(world);
        Assert.That(await Eventually.TrueAsync(() => Notices(fake, ticket.Code).Count == 1, TimeSpan.FromSeconds(15)), Is.True, "the assigned notice arrives");
        var notice = Notices(fake, ticket.Code)[0];
        Assert.That(notice.Text, Does.Contain("vừa được chuyển đến Phường 1"));
        Assert.That(notice.Buttons.Single().Type, Is.EqualTo("oa.open.url"));
        await using (var db = world.Database.CreateContext())
        {
            var tomorrow = ZaloBot.Web.Calendar.WorkingDayCalendar.LocalDate(TimeProvider.System.GetUtcNow()).AddDays(1);
            await db.Tickets.Where(t => t.Id == ticket.TicketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueDate, tomorrow));
        }

        await QueueAsync(world);
        await QueueAsync(world);
        Assert.That(await Eventually.TrueAsync(() => Notices(fake, ticket.Code).Count == 2, TimeSpan.FromSeconds(15)), Is.True, "the due-tomorrow notice arrives");
        Assert.That(Notices(fake, ticket.Code)[1].Text, Does.Contain("đến hạn xử lý ngày"));

        // Opted out in the console: the next routing reaches only their e-mail (off here), not Zalo.
        await page.Locator("#zalo-notices-on").UncheckAsync();
        await page.Locator("#save-zalo").ClickAsync();
        await Assertions.Expect(page.Locator("#account-saved")).ToContainTextAsync("không nhận thông báo qua Zalo");
        var second = await world.CreateTicketAsync("Đèn đường hẻm 12 Nguyễn Thiện Thuật không sáng.");
        await AssignToWard1Async(world, second.TicketId);
        await QueueAsync(world);

        // Back on, but their last message to the OA was three days ago: outside the free window, nothing is sent.
        await page.Locator("#zalo-notices-on").CheckAsync();
        await page.Locator("#save-zalo").ClickAsync();
        await using (var db = world.Database.CreateContext())
        {
            await db.Citizens.Where(c => c.ZaloUserId == StaffZalo).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, TimeProvider.System.GetUtcNow().AddDays(-3)));
        }

        var third = await world.CreateTicketAsync("Rác tồn đọng đầu hẻm 40 Bàn Cờ.");
        await AssignToWard1Async(world, third.TicketId);
        await QueueAsync(world);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(Notices(fake, second.Code), Is.Empty, "opted out");
        Assert.That(Notices(fake, third.Code), Is.Empty, "outside the free window");
        Assert.That(Notices(fake, ticket.Code), Has.Count.EqualTo(2));
    }

    private static async Task AssignToWard1Async(ConsoleWorld world, long ticketId)
    {
        await using var scope = world.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBot.Web.Storage.ZaloBotDbContext>();
        var ward1 = await db.OrgUnits.Where(u => u.Code == "phuong-1").Select(u => u.Id).SingleAsync();
        var version = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Version).SingleAsync();
        var office = new StaffActor("office-test", "Văn phòng", SeesAllTickets: true, UnitId: null, CanEditTickets: true);
        var result = await scope.ServiceProvider.GetRequiredService<StaffTicketDesk>().AssignAsync(office, ticketId, version, ward1, null, CancellationToken.None);
        Assert.That(result.Succeeded, Is.True);
    }

    private static async Task QueueAsync(ConsoleWorld world)
    {
        await using var scope = world.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffNotifier>().QueueAsync(CancellationToken.None);
    }

    private static List<Zalo.Fake.FakeZaloSentMessage> Notices(FakeZaloServer fake, string code) =>
        [.. fake.State.GetMessages(StaffZalo).Where(m => m.Text is { } t && t.StartsWith("Phản ánh " + code, StringComparison.Ordinal))];
}
