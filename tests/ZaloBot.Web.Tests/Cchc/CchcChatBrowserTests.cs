using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Fake;

namespace ZaloBot.Web.Tests.Cchc;

/// <summary>
/// The CCHC section and the business dialogue end to end: staff in Chromium (Debian) on the real service, citizens
/// through the real pipeline (signed webhook → stream → turn → outbox → fake Zalo API), PostgreSQL and Redis real.
/// </summary>
public sealed class CchcChatBrowserTests
{
    private const string Title = "Quận 3 nhận hồ sơ đất đai trực tuyến cả thứ Bảy";

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly StaffActor OfficeActor = new("office-seed", "Văn phòng", SeesAllTickets: true, UnitId: null, CanEditTickets: true);

    private FakeZaloServer _fake = null!;
    private ConsoleBrowser _browser = null!;
    private ConsoleWorld _world = null!;
    private HttpClient _webhook = null!;
    private ZaloChat _chat = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _fake = new FakeZaloServer();
        _browser = await ConsoleBrowser.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Outbox:IdlePollInterval"] = "00:00:00.080",
        }, configureServices: _fake.Attach);
        _world = _browser.World;
        await _fake.AuthoriseAsync(_world.Factory.Services);
        _webhook = _world.CreateClient();
        _chat = new ZaloChat(_webhook, _fake);
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        _webhook.Dispose();
        await _browser.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task WardDraftsOfficePublishes_SubscriberGetsItOnce_OthersSeeItOnRequestOrOnTheirNextVisit()
    {
        const string subscriber = "8100000000000000001";
        const string stranger = "8100000000000000002";
        const string away = "8100000000000000003";
        for (var i = 1; i <= 4; i++)
        {
            await PublishAsync($"Tin cũ số {i}");
        }

        Assert.That(Texts(await _chat.SayAsync(subscriber, "đăng ký nhận tin")), Does.Contain("đã đăng ký nhận tin"));
        Assert.That(Texts(await _chat.SayAsync(away, "Đăng ký nhận tin")), Does.Contain("đã đăng ký nhận tin"));
        // The older posts came before they subscribed: they are not "new" to them.
        Assert.That(Texts(await _chat.SayAsync(away, "xin chào")), Does.Not.Contain("Tin cũ số"));
        // "away" last wrote three days ago: outside Zalo's free 48-hour window when the post is published.
        await using (var db = _world.Database.CreateContext())
        {
            var threeDaysAgo = TimeProvider.System.GetUtcNow().AddDays(-3);
            await db.Citizens.Where(c => c.ZaloUserId == away).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, threeDaysAgo));
        }

        var postId = await WardDraftsAndOfficePublishesAsync();

        Assert.That(await Eventually.TrueAsync(() => Pushes(subscriber) == 1, TimeSpan.FromSeconds(15)), Is.True, "the subscriber is messaged");
        var push = _chat.Received(subscriber).Last(m => m.Text!.Contains(Title, StringComparison.Ordinal));
        Assert.That(push.Buttons.Select(b => (b.Type, OpenedUrl(b))), Does.Contain(("oa.open.url", $"http://127.0.0.1:8080/cchc/{postId}")));
        Assert.That(Pushes(away), Is.Zero, "outside the free window nobody is messaged");
        Assert.That(Pushes(stranger), Is.Zero);

        // Someone who never subscribed asks in their own words: the latest posts, newest first, one "open" button each, "xem thêm".
        var latest = await _chat.SayAsync(stranger, "có tin gì mới về dịch vụ công không");
        Assert.That(latest[0].Text, Does.StartWith("Tin cải cách hành chính mới nhất").And.Contain("1. " + Title).And.Contain("đăng ký nhận tin"));
        Assert.That(latest[0].Buttons.Select(b => b.Title), Is.EqualTo(new[] { "Đọc tin 1", "Đọc tin 2", "Đọc tin 3", "Đọc tin 4", "Xem thêm tin" }));
        Assert.That((latest[0].Buttons[0].Type, OpenedUrl(latest[0].Buttons[0])), Is.EqualTo(("oa.open.url", $"http://127.0.0.1:8080/cchc/{postId}")));
        Assert.That(latest[0].Buttons[4].Type, Is.EqualTo("oa.query.hide"));
        var more = await _chat.SayAsync(stranger, Tapped(latest[0].Buttons[4]));
        Assert.That(more[0].Text, Does.Contain("5. Tin cũ số 1").And.Not.Contain(Title));
        // (Other tests of this fixture may have published older posts: they come after these.)
        Assert.That(more[0].Buttons[0].Title, Is.EqualTo("Đọc tin 5"));
        var menuEntry = await _chat.SayAsync(stranger, "Tin cai cach hanh chinh");
        Assert.That(menuEntry[0].Text, Does.Contain("1. " + Title));

        // The subscriber outside the window hears of it on their next visit, once.
        var visit = await _chat.SayAsync(away, "xin chào");
        Assert.That(Texts(visit), Does.Contain("Có 1 tin cải cách hành chính mới").And.Contain(Title));
        Assert.That(Texts(await _chat.SayAsync(away, "xin chào")), Does.Not.Contain(Title));
        Assert.That(Texts(await _chat.SayAsync(subscriber, "xin chào")), Does.Not.Contain(Title), "pushed once, not again on a visit");
        Assert.That(Pushes(subscriber), Is.EqualTo(1));

        // One word unsubscribes; the next post reaches nobody of them.
        Assert.That(Texts(await _chat.SayAsync(subscriber, "stop")), Does.Contain("đã hủy nhận tin"));
        Assert.That(Texts(await _chat.SayAsync(away, "hủy nhận tin")), Does.Contain("đã hủy nhận tin"));
        var later = await PublishAsync("Tin sau khi hủy");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(Texts(await _chat.SayAsync(away, "xin chào")), Does.Not.Contain("Tin sau khi hủy"));

        await using var check = _world.Database.CreateContext();
        Assert.That(await check.CchcDeliveries.Where(d => d.PostId == postId).OrderBy(d => d.ZaloUserId).Select(d => new { d.ZaloUserId, d.Kind }).ToListAsync(),
            Is.EqualTo(new[] { new { ZaloUserId = subscriber, Kind = CchcDeliveryKind.Pushed }, new { ZaloUserId = away, Kind = CchcDeliveryKind.OnVisit } }));
        Assert.That(await check.OutboundMessages.CountAsync(m => m.IdempotencyKey.StartsWith($"cchc:{postId}:")), Is.EqualTo(1));
        Assert.That(await check.CchcDeliveries.CountAsync(d => d.PostId == later), Is.Zero);
        Assert.That(await check.CchcSubscriptions.CountAsync(s => s.IsActive), Is.Zero);
    }

    [Test]
    public async Task BusinessRegistersAndAsksInChat_StaffAnswerInTheConsole_TheAnswerReachesTheAskerOnce()
    {
        const string business = "8100000000000000010";
        long sessionId;
        await using (var scope = _world.Factory.Services.CreateAsyncScope())
        {
            var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(20));
            (_, sessionId) = await scope.ServiceProvider.GetRequiredService<DialogueDesk>().SaveSessionAsync(OfficeActor, null, 0,
                new DialogueSessionInput("Đối thoại doanh nghiệp quý IV", day, new TimeOnly(8, 30), "Hội trường UBND", null, "Thuế\nMặt bằng kinh doanh", day.AddDays(-3)),
                CancellationToken.None);
        }

        var sessions = await _chat.SayAsync(business, "cho hỏi lịch đối thoại doanh nghiệp");
        Assert.That(sessions[0].Text, Does.Contain("Đối thoại doanh nghiệp quý IV").And.Contain("08:30").And.Contain("Thuế; Mặt bằng kinh doanh"));
        var register = sessions[0].Buttons.Single(b => b.Title == "Đăng ký buổi 1");
        Assert.That(Texts(await _chat.SayAsync(business, Tapped(register))), Does.Contain("tên doanh nghiệp"));
        Assert.That(Texts(await _chat.SayAsync(business, "Công ty TNHH Sách Bàn Cờ")), Does.Contain("Lĩnh vực"));
        Assert.That(Texts(await _chat.SayAsync(business, "Bán lẻ sách")), Does.Contain("Mã số thuế"));
        Assert.That(Texts(await _chat.SayAsync(business, "12345")), Does.Contain("gồm 10 chữ số"), "a wrong tax code is asked again");
        Assert.That(Texts(await _chat.SayAsync(business, "0312 345 678")), Does.Contain("đồng ý"));
        var summary = await _chat.SayAsync(business, "0909 123 456");
        Assert.That(summary[0].Text, Does.Contain("Công ty TNHH Sách Bàn Cờ").And.Contain("0312345678").And.Not.Contain("0909 123 456"));
        var registered = await _chat.SayAsync(business, "Xác nhận đăng ký");
        Assert.That(registered[0].Text, Does.Contain("Đã đăng ký cho Công ty TNHH Sách Bàn Cờ"));
        var ask = registered[0].Buttons.Single(b => b.Title == "Gửi câu hỏi");
        Assert.That(Texts(await _chat.SayAsync(business, Tapped(ask))), Does.Contain("gõ câu hỏi"));
        const string question = "Hộ kinh doanh chuyển lên công ty thì quyết toán thuế thế nào?";
        Assert.That(Texts(await _chat.SayAsync(business, question)), Does.Contain("Đã nhận câu hỏi"));

        long questionId;
        await using (var db = _world.Database.CreateContext())
        {
            var registration = await db.DialogueRegistrations.SingleAsync(r => r.SessionId == sessionId);
            Assert.That((registration.ZaloUserId, registration.BusinessName, registration.Field, registration.TaxCode, registration.ContactPhone),
                Is.EqualTo((business, "Công ty TNHH Sách Bàn Cờ", "Bán lẻ sách", "0312345678", "0909123456")));
            Assert.That(await db.ConsentRecords.AnyAsync(c => c.Id == registration.ConsentRecordId && c.Purpose == "contact-for-dialogue"), Is.True);
            var asked = await db.DialogueQuestions.SingleAsync(q => q.SessionId == sessionId);
            Assert.That((asked.ZaloUserId, asked.RegistrationId, asked.Text), Is.EqualTo((business, registration.Id, question)));
            questionId = asked.Id;
        }

        var office = await _browser.NewPageAsync();
        await office.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(office, ConsoleWorld.Office);
        await office.GotoAsync($"/console/dialogue/{sessionId}");
        await Assertions.Expect(office.Locator("#registrations")).ToContainTextAsync("Công ty TNHH Sách Bàn Cờ");
        await office.Locator($"#question-{questionId} textarea[name=answer]").FillAsync("Hộ kinh doanh quyết toán thuế đến ngày chuyển đổi; công ty dùng mã số thuế mới.");
        await office.Locator($"#question-{questionId}").GetByRole(AriaRole.Button, new() { Name = "Lưu câu trả lời" }).ClickAsync();
        await Assertions.Expect(office.Locator("#dialogue-done")).ToContainTextAsync("Đã lưu câu trả lời.");
        await office.Locator("#send").ClickAsync();
        await Assertions.Expect(office.Locator("#dialogue-done")).ToContainTextAsync("Đã gửi 1 câu trả lời qua Zalo.");
        await office.Locator("#send").ClickAsync();
        await Assertions.Expect(office.Locator("#dialogue-done")).ToContainTextAsync("Đã gửi 0 câu trả lời");

        bool Answered(FakeZaloSentMessage m) => m.Text is { } t && t.Contains("Đáp: Hộ kinh doanh quyết toán thuế", StringComparison.Ordinal);
        Assert.That(await Eventually.TrueAsync(() => _chat.Received(business).Any(Answered), TimeSpan.FromSeconds(15)), Is.True, "the answer reaches the asker");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var answers = _chat.Received(business).Where(Answered).ToList();
        Assert.That(answers, Has.Count.EqualTo(1));
        Assert.That(answers[0].Text, Does.Contain("Hỏi: " + question).And.Contain("Đối thoại doanh nghiệp quý IV"));
    }

    [Test]
    public async Task PostImage_FromAnAllowedHost_ShowsInTheEditorAndOnThePublicPage_AnotherHostIsRefused()
    {
        var office = await _browser.NewPageAsync();
        // No network here: Playwright answers for the image host. Chromium still applies the page's CSP first, so an image
        // the policy blocks never reaches this route and stays empty (naturalWidth 0).
        await office.Context.RouteAsync("https://anh.quan3.gov.vn/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = OnePixelPng }));
        await office.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(office, ConsoleWorld.Office);
        await office.GotoAsync("/console/cchc/new");
        await office.Locator("#title").FillAsync("Ảnh bộ phận một cửa");
        await office.Locator("#summary").FillAsync("Bộ phận một cửa sau khi sửa chữa.");
        await office.Locator("#body").FillAsync("Bộ phận một cửa đã sửa chữa xong.");
        await office.Locator("#imageUrl").FillAsync("https://example.com/anh.png");
        await office.Locator("#save").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-error")).ToContainTextAsync("trang được phép: *.gov.vn");

        await office.Locator("#imageUrl").FillAsync("https://anh.quan3.gov.vn/mot-cua.png");
        await office.Locator("#save").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-done")).ToContainTextAsync("Đã lưu tin.");
        await Assertions.Expect(office.Locator("#image-preview")).ToBeVisibleAsync();
        Assert.That(await NaturalWidthAsync(office, "#image-preview"), Is.EqualTo(1), "the console's CSP lets the allowed host's image load");
        await ConsoleBrowser.ScreenshotAsync(office, "cchc-editor-image");
        await office.Locator("#publish").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-done")).ToContainTextAsync("Đã đăng tin");

        var postId = new Uri(office.Url).AbsolutePath.Split('/').Last();
        var response = await office.GotoAsync($"/cchc/{postId}");
        Assert.That(await response!.HeaderValueAsync("content-security-policy"), Does.Contain("img-src 'self' data: https://*.gov.vn;").And.Contain("script-src 'self' 'nonce-"));
        Assert.That(await NaturalWidthAsync(office, "img"), Is.EqualTo(1), "the public page shows it too");
    }

    private async Task<long> WardDraftsAndOfficePublishesAsync()
    {
        var ward = await _browser.NewPageAsync();
        await ward.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(ward, ConsoleWorld.Ward1);
        await ward.GotoAsync("/console/cchc");
        await ward.Locator("#new-post").ClickAsync();
        await ward.Locator("#title").FillAsync(Title);
        await ward.Locator("#topic").SelectOptionAsync("News");
        await ward.Locator("#summary").FillAsync("Bộ phận một cửa tiếp nhận hồ sơ đất đai nộp trực tuyến cả sáng thứ Bảy.");
        await ward.Locator("#body").FillAsync("Người dân nộp hồ sơ trên Cổng dịch vụ công và nhận kết quả tại phường.");
        await ward.Locator("#save").ClickAsync();
        await Assertions.Expect(ward.Locator("#cchc-done")).ToContainTextAsync("Đã lưu tin.");
        await ward.Locator("#submit").ClickAsync();
        await Assertions.Expect(ward.Locator("#cchc-done")).ToContainTextAsync("Đã gửi tin để Văn phòng HĐND-UBND duyệt.");
        var postId = long.Parse(new Uri(ward.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var office = await _browser.NewPageAsync();
        await office.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(office, ConsoleWorld.Office);
        await office.GotoAsync($"/console/cchc/{postId}");
        await office.Locator("#publish").ClickAsync();
        await Assertions.Expect(office.Locator("#cchc-done")).ToContainTextAsync("Đã gửi tin nhắn cho 1 người đăng ký");
        return postId;
    }

    private async Task<long> PublishAsync(string title)
    {
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<CchcDesk>();
        var saved = await desk.SaveAsync(OfficeActor, null, 0, new CchcPostInput(title, "Tóm tắt " + title, "Nội dung " + title, null, null, CchcTopic.News), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<ZaloBot.Web.Storage.ZaloBotDbContext>();
        var version = await db.CchcPosts.Where(p => p.Id == saved.PostId).Select(p => p.Version).SingleAsync();
        var published = await desk.PublishAsync(OfficeActor, saved.PostId, version, CancellationToken.None);
        Assert.That(published.Ok, Is.True);
        return saved.PostId;
    }

    private int Pushes(string user) => _chat.Received(user).Count(m => m.Text is { } t && t.StartsWith("Tin cải cách hành chính mới: " + Title, StringComparison.Ordinal));

    private static async Task<int> NaturalWidthAsync(IPage page, string selector)
    {
        await page.WaitForFunctionAsync($"document.querySelector('{selector}')?.complete === true");
        return await page.EvalOnSelectorAsync<int>(selector, "img => img.naturalWidth");
    }

    /// <summary>An oa.open.url button's payload is {"url": …} on the wire (zalo-oa-api.md §4.7).</summary>
    private static string? OpenedUrl(FakeZaloButton button) =>
        button.Type == "oa.open.url" ? System.Text.Json.JsonDocument.Parse(button.Payload).RootElement.GetProperty("url").GetString() : null;

    /// <summary>What an oa.query.* button sends back when tapped (its payload is a JSON string on the wire).</summary>
    private static string Tapped(FakeZaloButton button) => System.Text.Json.JsonSerializer.Deserialize<string>(button.Payload)!;

    private static string Texts(IEnumerable<FakeZaloSentMessage> messages) => string.Join("\n", messages.Select(m => m.Text));
}
