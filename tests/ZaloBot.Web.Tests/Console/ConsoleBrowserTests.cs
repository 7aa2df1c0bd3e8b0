using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>
/// The console in a real browser: Debian's Chromium, headless, driven by Playwright against the service on Kestrel.
/// Screenshots go to the test's work directory, and to ZALOBOT_SCREENSHOTS (e.g. docs/screenshots) when set.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private ConsoleBrowser _browser = null!;

    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _browser = await ConsoleBrowser.StartAsync();
        _world = _browser.World;
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _browser.DisposeAsync();

    [Test]
    public async Task Office_ForwardsToWardAcceptsAndReplies_ReplyIsInTheOutboxForThatCitizen()
    {
        var intake = await _world.CreateTicketAsync("Quán nhậu lấn chiếm vỉa hè, người đi bộ phải đi xuống lòng đường.", zaloUserId: "zalo-browser-1");
        var page = await _browser.NewPageAsync();

        await page.GotoAsync("/console/tickets");
        Assert.That(page.Url, Does.Contain("/console/sign-in"));
        await ConsoleBrowser.ScreenshotAsync(page, "sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Office);

        var row = page.Locator($"#queue tr[data-code='{intake.Code}']");
        await Assertions.Expect(row).ToContainTextAsync("Mới tiếp nhận");
        await ConsoleBrowser.ScreenshotAsync(page, "queue");

        await row.GetByRole(AriaRole.Link, new() { Name = intake.Code }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(intake.Code);

        await page.Locator("#unitId").SelectOptionAsync(new SelectOptionValue { Label = "Phường 1" });
        await page.Locator("#assign-note").FillAsync("Đề nghị phường kiểm tra, xử lý.");
        await page.Locator("#assign").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Đã chuyển cho Phường 1.");
        await Assertions.Expect(page.Locator("#unit")).ToHaveTextAsync("Phường 1");

        await page.Locator("#accept").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Đã thụ lý");

        await page.Locator("#template").SelectOptionAsync(new SelectOptionValue { Label = "Đã chuyển phường" });
        await Assertions.Expect(page.Locator("#reply-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Phản ánh của Ông/Bà đã được chuyển"));
        await page.Locator("#send-reply").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Đã gửi trả lời và chuyển sang \"Đã trả lời\".");
        await Assertions.Expect(page.Locator("#deliveries")).ToContainTextAsync("Đang chờ gửi");
        await ConsoleBrowser.ScreenshotAsync(page, "ticket");

        await using var db = _world.Database.CreateContext();
        var ticket = await db.Tickets.Include(t => t.Unit).SingleAsync(t => t.Id == intake.TicketId);
        var reply = await db.OutboundMessages.SingleAsync(o => o.TicketId == intake.TicketId && o.Priority == OutboundPriority.Interactive);
        Assert.That(ticket.Unit!.Code, Is.EqualTo("phuong-1"));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Answered));
        Assert.That(reply.ZaloUserId, Is.EqualTo("zalo-browser-1"));
        // The console's host runs the outbox worker too: by now the row may already be on its way (seen under load).
        Assert.That(reply.State, Is.AnyOf(OutboundState.Queued, OutboundState.Sending, OutboundState.Sent));
        Assert.That(OutboxPayload.FromJson(reply.Payload).Text, Does.StartWith($"Phản hồi cho phản ánh {intake.Code}:\nPhản ánh của Ông/Bà đã được chuyển"));
        var kinds = await db.TicketEvents.Where(e => e.TicketId == intake.TicketId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.That(kinds, Is.EqualTo(new[] { TicketEventKind.Created, TicketEventKind.Assigned, TicketEventKind.StatusChanged, TicketEventKind.Reply }));
    }

    [Test]
    public async Task WardUser_AnotherWardsTicket_GetsNotFoundAndDoesNotSeeItInTheQueue()
    {
        var own = await _world.CreateTicketAsync("Cống thoát nước bị nghẹt ở hẻm 12", assignToUnitCode: "phuong-2", wardCode: "phuong-2");
        var other = await _world.CreateTicketAsync("Đèn đường hẻm 5 không sáng", assignToUnitCode: "phuong-1");
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Ward2);

        await Assertions.Expect(page.Locator($"#queue tr[data-code='{own.Code}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#queue tr[data-code='{other.Code}']")).ToHaveCountAsync(0);
        var response = await page.GotoAsync($"/console/tickets/{other.TicketId}");

        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang hoặc phản ánh");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Đèn đường hẻm 5");
    }

    [Test]
    public async Task Admin_SettingsReportsAndHandoff_RenderInVietnamese()
    {
        await SeedVariedTicketsAsync();
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Admin);

        await Assertions.Expect(page.Locator("#handoffs")).ToContainTextAsync("Đang chờ");
        await page.GotoAsync("/console/tickets?due=overdue");
        await Assertions.Expect(page.Locator("#queue .badge.red").First).ToHaveTextAsync("Quá hạn");
        await page.GotoAsync("/console/tickets");
        await ConsoleBrowser.ScreenshotAsync(page, "queue-overdue");

        await page.GotoAsync("/console/settings");
        await Assertions.Expect(page.Locator("#categories")).ToContainTextAsync("Trật tự đô thị, lấn chiếm vỉa hè");
        await ConsoleBrowser.ScreenshotAsync(page, "settings");

        await page.GotoAsync("/console/reports");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("Tổng số phản ánh");
        await ConsoleBrowser.ScreenshotAsync(page, "reports-first-day");

        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = "Phản ánh" }).ClickAsync();
        await page.Locator("#handoffs a").First.ClickAsync();
        await page.Locator("#take").ClickAsync();
        await page.Locator("#chat-text").FillAsync("Chào anh, tôi là cán bộ Văn phòng, anh cần hỗ trợ gì ạ?");
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("tôi là cán bộ Văn phòng");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Miễn phí, còn 1 ngày 23 giờ");
        await ConsoleBrowser.ScreenshotAsync(page, "handoff");
        await page.Locator("#close").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Đã trả cuộc trò chuyện cho trợ lý tự động.");

        await using var db = _world.Database.CreateContext();
        var handoff = await db.HandoffRequests.SingleAsync();
        Assert.That(handoff.State, Is.EqualTo(HandoffRequestState.Closed));
        // The staff member's message (handoff:…) and the bot's replies to taking and releasing the chat, keyed like
        // every turn's reply (turn:handoff:{id}:taken|released:{n}).
        Assert.That(await db.OutboundMessages.CountAsync(o => o.ZaloUserId == "zalo-handoff" && (o.IdempotencyKey.StartsWith("handoff:") || o.IdempotencyKey.StartsWith("turn:handoff:"))), Is.EqualTo(3));
        Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "handoff.take"), Is.EqualTo(1));
    }

    [Test]
    public async Task Office_HeldLiveChatLine_IsOnTheHeldScreenAndResentWithOneClick()
    {
        long id;
        await using (var db = _world.Database.CreateContext())
        {
            var row = new OutboxPayload("Anh chờ em kiểm tra hồ sơ một chút nhé.")
                .ToOutbound("zalo-held-browser", $"{HeldMessages.HandoffKeyPrefix}1:{Guid.NewGuid():N}", OutboundPriority.Interactive, TimeProvider.System.GetUtcNow());
            row.State = OutboundState.Unknown;
            row.Attempts = 1;
            row.ErrorReason = OutboxSender.UnknownReasonPrefix + " (timed out); held: check with the citizen, then resend";
            db.OutboundMessages.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Office);
        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = "Tin chưa rõ đã gửi" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#held-{id}")).ToContainTextAsync("Anh chờ em kiểm tra hồ sơ một chút nhé.");
        await Assertions.Expect(page.Locator($"#held-{id}")).ToContainTextAsync("Trò chuyện trực tiếp");
        await ConsoleBrowser.ScreenshotAsync(page, "held");
        await page.Locator($"#held-{id}").GetByRole(AriaRole.Button, new() { Name = "Gửi lại" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Đã đưa tin vào hàng đợi gửi lại.");
        await Assertions.Expect(page.Locator($"#held-{id}")).ToHaveCountAsync(0);

        await using var check = _world.Database.CreateContext();
        Assert.That(await check.AuditEntries.CountAsync(a => a.Action == "outbox.resend" && a.Target == $"outbound:{id}"), Is.EqualTo(1));
    }

    private async Task SeedVariedTicketsAsync()
    {
        string[] texts =
        [
            "Rác thải tập kết sai nơi quy định ở đầu hẻm 290 Nam Kỳ Khởi Nghĩa, bốc mùi hôi.",
            "Công trình xây dựng làm việc sau 22 giờ gây ồn.",
            "Đề nghị hướng dẫn thủ tục đăng ký hộ kinh doanh.",
            "Cây xanh nghiêng, có nguy cơ ngã trên đường Lý Chính Thắng.",
        ];
        string[] categories = ["ve-sinh-moi-truong", "xay-dung", "kinh-doanh", "ha-tang"];
        for (var i = 0; i < texts.Length; i++)
        {
            var intake = await _world.CreateTicketAsync(texts[i], wardCode: i % 2 == 0 ? "phuong-vo-thi-sau" : "phuong-4", zaloUserId: $"zalo-seed-{i}", category: categories[i]);
            if (i < 2)
            {
                // Make two of them overdue: received three weeks ago.
                await using var db = _world.Database.CreateContext();
                await db.Tickets.Where(t => t.Id == intake.TicketId).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.DueDate, t => t.DueDate.AddDays(-21))
                    .SetProperty(t => t.CreatedAt, t => t.CreatedAt.AddDays(-21)));
            }
        }

        await using var context = _world.Database.CreateContext();
        var now = TimeProvider.System.GetUtcNow();
        context.Citizens.Add(new Web.Citizens.Citizen { ZaloUserId = "zalo-handoff", FirstSeenAt = now, LastInteractionAt = now });
        context.HandoffRequests.Add(new HandoffRequest { ZaloUserId = "zalo-handoff", RequestedAt = now, State = HandoffRequestState.Waiting, Note = "Công dân muốn hỏi về giấy phép sửa nhà" });
        context.Transcript.Add(new TranscriptEntry { ZaloUserId = "zalo-handoff", Direction = TranscriptDirection.FromCitizen, Text = "Cho tôi gặp cán bộ", At = now, SourceId = "seed-1" });
        await context.SaveChangesAsync();
    }
}
