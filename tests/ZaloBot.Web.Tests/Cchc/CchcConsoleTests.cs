using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Cchc;

/// <summary>
/// The CCHC section and the business dialogue in the console, in Chromium against the real service and PostgreSQL:
/// a ward drafts and submits, the office publishes, subscribers inside Zalo's free window get exactly one message;
/// a dialogue session's questions are assigned, answered by the department, and each answer is queued once to its asker.
/// </summary>
public sealed class CchcConsoleTests
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
    public async Task WardDraftsOfficePublishes_SubscribersInsideTheFreeWindowGetOneMessage()
    {
        var now = TimeProvider.System.GetUtcNow();
        await AddCitizenAsync("zalo-sub-recent", now.AddHours(-2), subscribed: true);
        await AddCitizenAsync("zalo-sub-old", now.AddDays(-3), subscribed: true);
        await AddCitizenAsync("zalo-not-sub", now.AddHours(-1), subscribed: false);
        await AddCitizenAsync("zalo-sub-off", now.AddHours(-1), subscribed: true, active: false);

        var ward = await _browser.NewPageAsync();
        await ward.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(ward, ConsoleWorld.Ward1);
        await ward.GotoAsync("/console/cchc");
        await ward.Locator("#new-post").ClickAsync();
        await ward.Locator("#title").FillAsync("Phường 1 nhận hồ sơ trực tuyến cả thứ Bảy");
        await ward.Locator("#topic").SelectOptionAsync("Model");
        await ward.Locator("#summary").FillAsync("Từ tháng 8, bộ phận một cửa Phường 1 tiếp nhận hồ sơ trực tuyến cả sáng thứ Bảy.");
        await ward.Locator("#body").FillAsync("Người dân nộp hồ sơ trên Cổng dịch vụ công và nhận kết quả tại phường.\nGiờ làm việc thứ Bảy: 7 giờ 30 đến 11 giờ 30.");
        await ward.Locator("#linkUrl").FillAsync("https://dichvucong.gov.vn");
        await ward.Locator("#save").ClickAsync();
        await Assertions.Expect(ward.Locator("#cchc-done")).ToContainTextAsync("Đã lưu tin.");
        await ward.Locator("#submit").ClickAsync();
        await Assertions.Expect(ward.Locator("#cchc-done")).ToContainTextAsync("Đã gửi tin để Văn phòng HĐND-UBND duyệt.");
        Assert.That(await ward.Locator("#publish").CountAsync(), Is.Zero, "a ward cannot publish");
        var postUrl = new Uri(ward.Url).AbsolutePath;

        var office = await _browser.NewPageAsync();
        await office.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(office, ConsoleWorld.Office);
        await office.GotoAsync("/console/cchc?status=Submitted");
        await office.GetByRole(AriaRole.Link, new() { Name = "Phường 1 nhận hồ sơ trực tuyến cả thứ Bảy" }).ClickAsync();
        await Assertions.Expect(office.Locator("#push-preview")).ToContainTextAsync("Tin cải cách hành chính mới: Phường 1 nhận hồ sơ trực tuyến cả thứ Bảy");
        await ConsoleBrowser.ScreenshotAsync(office, "cchc-editor");
        await office.Locator("#publish").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-done")).ToContainTextAsync("Đã gửi tin nhắn cho 1 người đăng ký");

        var postId = long.Parse(postUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = _world.Database.CreateContext())
        {
            var rows = await db.OutboundMessages.Where(m => m.IdempotencyKey.StartsWith($"cchc:{postId}:")).ToListAsync();
            Assert.That(rows.Select(r => r.ZaloUserId), Is.EqualTo(new[] { "zalo-sub-recent" }));
            var payload = OutboxPayload.FromJson(rows[0].Payload);
            Assert.That(payload.Buttons!.Select(b => b.Kind), Is.All.EqualTo("open-url"));
            Assert.That(payload.Buttons!.Select(b => b.Payload), Does.Contain($"http://127.0.0.1:8080/cchc/{postId}").And.Contain("https://dichvucong.gov.vn"));
            Assert.That(await db.AuditEntries.Where(a => a.Target == $"cchc-post:{postId}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(),
                Is.EqualTo(new[] { "cchc.create", "cchc.submit", "cchc.publish" }));
        }

        // Unpublish and publish again: nobody is messaged a second time for the same post.
        await office.Locator("#unpublish").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-done")).ToContainTextAsync("Đã gỡ tin");
        await office.Locator("#publish").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-done")).ToContainTextAsync("Đã đăng tin.");
        await using (var db = _world.Database.CreateContext())
        {
            Assert.That(await db.OutboundMessages.CountAsync(m => m.IdempotencyKey.StartsWith($"cchc:{postId}:")), Is.EqualTo(1));
            Assert.That(await db.CchcDeliveries.CountAsync(d => d.PostId == postId), Is.EqualTo(1));
        }

        // The public page the button opens.
        using var anonymous = _world.CreateClient();
        var page = await anonymous.GetStringAsync($"/cchc/{postId}");
        Assert.That(page, Does.Contain("Phường 1 nhận hồ sơ trực tuyến cả thứ Bảy").And.Contain("Giờ làm việc thứ Bảy"));
    }

    [Test]
    public async Task Posts_OtherWardAndDrafts_AreNotVisibleOrPublic()
    {
        var id = await SavePostAsync(ConsoleWorld.Ward1, "Tin nháp của Phường 1");
        using var ward2 = await _world.SignInAsync(ConsoleWorld.Ward2);
        using var anonymous = _world.CreateClient();

        using var other = await ward2.GetAsync($"/console/cchc/{id}");
        using var draft = await anonymous.GetAsync($"/cchc/{id}");

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ward2.GetStringAsync("/console/cchc"), Does.Not.Contain("Tin nháp của Phường 1"));
    }

    [Test]
    public async Task Publish_ByWardUser_IsRefusedAndChangesNothing()
    {
        var id = await SavePostAsync(ConsoleWorld.Ward1, "Tin Phường 1 tự đăng");
        using var ward = await _world.SignInAsync(ConsoleWorld.Ward1);
        var token = await ConsoleWorld.GetFormTokenAsync(ward, $"/console/cchc/{id}");
        uint version;
        await using (var db = _world.Database.CreateContext())
        {
            version = await db.CchcPosts.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
        }

        using var response = await ward.PostAsync($"/console/cchc/{id}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Bạn không thể thực hiện thao tác này"));
        await using var check = _world.Database.CreateContext();
        Assert.That((await check.CchcPosts.SingleAsync(p => p.Id == id)).Status, Is.EqualTo(CchcPostStatus.Draft));
    }

    [Test]
    public async Task Save_LinkThatIsNotHttp_IsRefusedWithAPoliteMessage()
    {
        using var ward = await _world.SignInAsync(ConsoleWorld.Ward1);
        var token = await ConsoleWorld.GetFormTokenAsync(ward, "/console/cchc/new");

        using var response = await ward.PostAsync("/console/cchc/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = "Tin", ["summary"] = "Tóm tắt", ["body"] = "Nội dung", ["linkUrl"] = "javascript:alert(1)", ["topic"] = "News",
            ["version"] = "0", ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("bắt đầu bằng https://"));
    }

    [Test]
    public async Task DialogueSession_QuestionsAssignedAnsweredAndSent_EachAnswerQueuedOnceToItsAsker()
    {
        var office = await _browser.NewPageAsync();
        await office.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(office, ConsoleWorld.Office);
        await office.GotoAsync("/console/dialogue");
        var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(20));
        await office.Locator("#title").FillAsync("Đối thoại doanh nghiệp quý III năm 2026");
        await office.Locator("#date").FillAsync(day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await office.Locator("#time").FillAsync("08:30");
        await office.Locator("#registrationDeadline").FillAsync(day.AddDays(-5).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await office.Locator("#place").FillAsync("Hội trường UBND Quận 3");
        await office.Locator("#topics").FillAsync("Thuế\nGiấy phép kinh doanh");
        await office.Locator("#create-session").ClickAsync();
        await Assertions.Expect(office.Locator("#session-facts")).ToContainTextAsync("Hội trường UBND Quận 3");
        var sessionId = long.Parse(new Uri(office.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        long q1, q2;
        await using (var scope = _world.Factory.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<DialogueDesk>();
            await AddCitizenAsync("zalo-biz-1", TimeProvider.System.GetUtcNow().AddHours(-1), subscribed: false);
            await AddCitizenAsync("zalo-biz-2", TimeProvider.System.GetUtcNow().AddDays(-9), subscribed: false);
            var (outcome, _) = await desk.RegisterAsync(new NewDialogueRegistration(sessionId, "zalo-biz-1", "Công ty TNHH Sách Bàn Cờ", "Bán lẻ sách", "0312345678", "Nguyễn Văn A", "0909123456", null, "reg-msg-1"), CancellationToken.None);
            Assert.That(outcome, Is.EqualTo(DialogueOutcome.Done));
            (_, q1) = await desk.AskAsync(sessionId, "zalo-biz-1", "Hộ kinh doanh chuyển sang công ty thì thủ tục thuế thế nào?", "ask-msg-1", CancellationToken.None);
            (_, q2) = await desk.AskAsync(sessionId, "zalo-biz-2", "Khi nào cấp phép biển hiệu?", "ask-msg-2", CancellationToken.None);
            var (again, sameId) = await desk.AskAsync(sessionId, "zalo-biz-1", "Hộ kinh doanh chuyển sang công ty thì thủ tục thuế thế nào?", "ask-msg-1", CancellationToken.None);
            Assert.That((again, sameId), Is.EqualTo((DialogueOutcome.Done, q1)), "a redelivered chat message is one question");
        }

        await office.ReloadAsync();
        var row = office.Locator($"#question-{q1}");
        await row.Locator("input[name=groupName]").FillAsync("Thuế");
        await row.Locator("select[name=unitId]").SelectOptionAsync(new SelectOptionValue { Label = "Phường 1" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(office.Locator("#dialogue-done")).ToContainTextAsync("Đã lưu nhóm và đơn vị trả lời.");
        await ConsoleBrowser.ScreenshotAsync(office, "dialogue-session");

        // The ward sees only the question assigned to it, and answers it.
        var ward = await _browser.NewPageAsync();
        await ward.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(ward, ConsoleWorld.Ward1);
        await ward.GotoAsync($"/console/dialogue/{sessionId}");
        Assert.That(await ward.Locator($"#question-{q2}").CountAsync(), Is.Zero);
        Assert.That(await ward.Locator("#registrations").CountAsync(), Is.Zero, "contact data stays with the office");
        await ward.Locator($"#question-{q1} textarea[name=answer]").FillAsync("Hộ kinh doanh nộp tờ khai quyết toán thuế đến ngày chuyển đổi, sau đó công ty đăng ký mã số thuế mới.");
        await ward.Locator($"#question-{q1}").GetByRole(AriaRole.Button, new() { Name = "Lưu câu trả lời" }).ClickAsync();
        await Assertions.Expect(ward.Locator("#dialogue-done")).ToContainTextAsync("Đã lưu câu trả lời.");

        // q2 answered by the office; its asker last wrote 9 days ago, so Zalo would refuse: not queued, the office is told.
        await office.ReloadAsync();
        await office.Locator($"#question-{q2} textarea[name=answer]").FillAsync("Phòng Quản lý đô thị cấp phép trong 5 ngày làm việc.");
        await office.Locator($"#question-{q2}").GetByRole(AriaRole.Button, new() { Name = "Lưu câu trả lời" }).ClickAsync();
        await office.Locator("#send").ClickAsync();
        await Assertions.Expect(office.Locator("#dialogue-done")).ToContainTextAsync("Đã gửi 1 câu trả lời qua Zalo. 1 doanh nghiệp đã quá 7 ngày");
        await office.Locator("#send").ClickAsync();
        await Assertions.Expect(office.Locator("#dialogue-done")).ToContainTextAsync("Đã gửi 0 câu trả lời");

        await using (var db = _world.Database.CreateContext())
        {
            var sent = await db.OutboundMessages.Where(m => m.IdempotencyKey.StartsWith("dialogue-answer:")).ToListAsync();
            Assert.That(sent.Select(m => (m.ZaloUserId, m.IdempotencyKey)), Is.EqualTo(new[] { ("zalo-biz-1", $"dialogue-answer:{q1}") }));
            Assert.That(OutboxPayload.FromJson(sent[0].Payload).Text, Does.Contain("Hỏi: Hộ kinh doanh chuyển sang công ty").And.Contain("Đáp: Hộ kinh doanh nộp tờ khai"));
        }

        // Export and the Q&A post.
        using var client = await _world.SignInAsync(ConsoleWorld.Office);
        using var export = await client.GetAsync($"/console/dialogue/{sessionId}?handler=xlsx&table=questions");
        using (var book = new XLWorkbook(await export.Content.ReadAsStreamAsync()))
        {
            Assert.That(book.Worksheet(1).RowsUsed().Count(r => r.RowNumber() > 4), Is.EqualTo(2));
        }

        await office.Locator("#make-qa-post").ClickAsync();
        await Assertions.Expect(office.Locator("#body")).ToContainTextAsync("Hỏi: Khi nào cấp phép biển hiệu?");
    }

    private async Task<long> SavePostAsync(string email, string title)
    {
        using var client = await _world.SignInAsync(email);
        var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/cchc/new");
        using var response = await client.PostAsync("/console/cchc/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = title, ["summary"] = "Tóm tắt", ["body"] = "Nội dung", ["topic"] = "News", ["version"] = "0", ["__RequestVerificationToken"] = token,
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return long.Parse(response.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task AddCitizenAsync(string zaloUserId, DateTimeOffset lastInteraction, bool subscribed, bool active = true)
    {
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        db.Citizens.Add(new Citizen { ZaloUserId = zaloUserId, FirstSeenAt = lastInteraction, LastInteractionAt = lastInteraction, IsFollower = true });
        if (subscribed)
        {
            db.CchcSubscriptions.Add(new CchcSubscription { ZaloUserId = zaloUserId, IsActive = active, SubscribedAt = lastInteraction });
        }

        await db.SaveChangesAsync();
    }
}
