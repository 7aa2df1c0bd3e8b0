using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Reports;

/// <summary>
/// The reports the office hands in, against seeded tickets whose figures are known: charts drawn (pixels of the series
/// colours in a screenshot), .xlsx exports read back with ClosedXML, and the printable half-year report's totals.
/// Seed (Vietnam time; "today" is 15/07/2026): in the first half of 2026 five tickets — two answered on time (one of them
/// at 00:10 on 1 January, the edge of the period), one answered late, one still open past its due date, one rejected;
/// one ticket at 23:30 on 31/12/2025 and one in July are outside it.
/// </summary>
public sealed class ReportsTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private ConsoleBrowser _browser = null!;
    private ConsoleWorld _world = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 1, 9, 0, 0, Vn).ToUniversalTime());
    private readonly Dictionary<string, string> _codes = [];

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _browser = await ConsoleBrowser.StartAsync(_time);
        _world = _browser.World;
        await SeedAsync();
        _time.SetUtcNow(new DateTimeOffset(2026, 7, 15, 9, 0, 0, Vn).ToUniversalTime());
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _browser.DisposeAsync();

    [Test]
    public async Task ReportsPage_SeededTickets_ChartsAreDrawnWithData()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/console/reports?from=01/01/2026&to=30/06/2026");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Office);
        await page.GotoAsync("/console/reports?from=01/01/2026&to=30/06/2026");
        await Assertions.Expect(page.Locator("html[data-charts-ready=true]")).ToHaveCountAsync(1);

        // Each chart's series colours are in its own pixels: bars of received tickets (blue), on-time answers (green), overdue (red).
        var volume = PngPixels.Decode(await page.Locator("#chart-volume").ScreenshotAsync());
        var share = PngPixels.Decode(await page.Locator("#chart-overdue").ScreenshotAsync());
        var csat = PngPixels.Decode(await page.Locator("#chart-csat").ScreenshotAsync());
        var wards = PngPixels.Decode(await page.Locator("#chart-ward").ScreenshotAsync());
        Assert.Multiple(() =>
        {
            Assert.That(volume.Count("#0b5cad"), Is.GreaterThan(200), "received bars");
            Assert.That(volume.Count("#1a7f37"), Is.GreaterThan(100), "answered bars");
            Assert.That(share.Count("#1a7f37"), Is.GreaterThan(500), "on-time slice");
            Assert.That(share.Count("#b3261e"), Is.GreaterThan(200), "overdue slice");
            Assert.That(csat.Count("#1a7f37"), Is.GreaterThan(100), "five-star bar");
            Assert.That(wards.CountNonWhite(), Is.GreaterThan(1000));
        });
        Assert.That(await page.Locator("#summary").InnerTextAsync(), Does.Contain("5").And.Contain("Tổng số phản ánh"));
        await ConsoleBrowser.ScreenshotAsync(page, "reports");
    }

    [Test]
    public async Task ReportsPage_EnglishBrowser_DatesStayDayMonthYear()
    {
        var page = await _browser.NewPageAsync("en-US");
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Supervisor);
        await page.GotoAsync("/console/reports?from=2026-02-01&to=31/03/2026&grain=Month");

        Assert.That(await page.Locator("#from").InputValueAsync(), Is.EqualTo("01/02/2026"));
        Assert.That(await page.Locator("#to").InputValueAsync(), Is.EqualTo("31/03/2026"));
        var labels = await page.EvaluateAsync<string[]>("JSON.parse(document.getElementById('report-data').textContent).volume.map(b => b.label)");
        Assert.That(labels, Is.EqualTo(new[] { "Tháng 2/2026", "Tháng 3/2026" }));
    }

    [Test]
    public async Task TicketsXlsx_FilteredByWard_HoldsExactlyThatWardsRows()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Office);
        var wardId = await WardIdAsync("phuong-1");

        using var response = await client.GetAsync($"/console/reports?handler=xlsx&table=tickets&from=01/01/2026&to=30/06/2026&wardId={wardId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        Assert.That(sheet.Cell(4, 1).GetString(), Is.EqualTo("Mã phản ánh"));
        Assert.That(sheet.Cell(4, 12).GetString(), Is.EqualTo("Nội dung"));
        var codes = sheet.RowsUsed().Where(r => r.RowNumber() > 4).Select(r => r.Cell(1).GetString()).ToList();
        Assert.That(codes, Is.EqualTo(new[] { _codes["edge"], _codes["onTime"], _codes["overdue"] }));
        var overdueRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == _codes["overdue"]);
        Assert.That(overdueRow.Cell(10).GetString(), Is.EqualTo("Có"));
        // A citizen's text that looks like a formula stays text.
        var edgeRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == _codes["edge"]);
        Assert.That(edgeRow.Cell(12).HasFormula, Is.False);
        Assert.That(edgeRow.Cell(12).GetString(), Is.EqualTo("=1+1 đèn đường hỏng trước số 5"));
    }

    [Test]
    public async Task TicketsXlsx_Supervisor_GetsFiguresWithoutTheCitizensText()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Supervisor);

        using var response = await client.GetAsync("/console/reports?handler=xlsx&table=tickets&from=01/01/2026&to=30/06/2026");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        Assert.That(sheet.RowsUsed().Count(r => r.RowNumber() > 4), Is.EqualTo(5));
        Assert.That(sheet.Row(4).CellsUsed().Select(c => c.GetString()), Does.Not.Contain("Nội dung"));
    }

    [TestCase("unit", "Phường 1", 3)]
    [TestCase("ward", "Phường 2", 1)]
    [TestCase("category", "Trật tự đô thị, lấn chiếm vỉa hè", 5)]
    [TestCase("status", "Đã trả lời", 2)]
    [TestCase("ratings", "5", 1)]
    public async Task TableXlsx_EachTable_HoldsTheTablesFigures(string table, string name, int count)
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Supervisor);

        using var response = await client.GetAsync($"/console/reports?handler=xlsx&table={table}&from=01/01/2026&to=30/06/2026");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var row = book.Worksheet(1).RowsUsed().Single(r => r.RowNumber() > 4 && r.Cell(1).GetString() == name);
        Assert.That(row.Cell(2).GetValue<int>(), Is.EqualTo(count));
    }

    [Test]
    public async Task Xlsx_UnknownTable_IsNotFound()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        using var response = await client.GetAsync("/console/reports?handler=xlsx&table=passwords");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Reports_WardUser_IsDeniedPageAndExport()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Ward1);

        using var page = await client.GetAsync("/console/reports");
        using var export = await client.GetAsync("/console/reports?handler=xlsx&table=tickets");

        Assert.That(page.Headers.Location?.ToString(), Does.Contain("/console/denied"));
        Assert.That(export.Headers.Location?.ToString(), Does.Contain("/console/denied"));
    }

    [Test]
    public async Task PeriodReport_FirstHalf_ShowsSeededTotalsAndPrintsToPdf()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Supervisor);
        await page.GotoAsync("/console/reports/period?year=2026&part=h1");

        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator("#total-received").InnerTextAsync(), Is.EqualTo("5"));
            Assert.That(await page.Locator("#total-on-time").InnerTextAsync(), Is.EqualTo("2"));
            Assert.That(await page.Locator("#total-late").InnerTextAsync(), Is.EqualTo("1"));
            Assert.That(await page.Locator("#total-overdue").InnerTextAsync(), Is.EqualTo("1"));
            Assert.That(await page.Locator("#total-other").InnerTextAsync(), Is.EqualTo("1"));
            Assert.That(await page.Locator("#total-rated").InnerTextAsync(), Is.EqualTo("2"));
            Assert.That(await page.Locator("#average-rating").InnerTextAsync(), Is.EqualTo("3,5/5"));
            Assert.That(await page.Locator("#period-unanswered tr").Nth(1).InnerTextAsync(), Does.Contain("cấp phép xây dựng").And.Contain("3"));
            Assert.That(await page.Locator("#period-ward").InnerTextAsync(), Does.Contain("Phường 1"));
        });
        await ConsoleBrowser.ScreenshotAsync(page, "period-report");

        // Printed: navigation and the form are gone, and Chromium makes a PDF of it.
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.That(await page.Locator("header.top").IsVisibleAsync(), Is.False);
        Assert.That(await page.Locator("form.filters").IsVisibleAsync(), Is.False);
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
    }

    private async Task SeedAsync()
    {
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketIntakeDesk>();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();

        async Task<long> Create(string key, DateTimeOffset at, string ward, string text = "Lấn chiếm vỉa hè")
        {
            _time.SetUtcNow(at);
            var intake = await desk.CreateAsync(new TicketRequest("report-" + key, "zalo-report-" + key, "trat-tu-do-thi", text, ward), CancellationToken.None);
            _codes[key] = intake.Code;
            return intake.TicketId;
        }

        async Task Set(long id, TicketStatus status, DateTimeOffset? answeredAt = null, int? rating = null) =>
            await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status).SetProperty(t => t.AnsweredAt, answeredAt).SetProperty(t => t.Rating, rating));

        var before = await Create("before", new DateTimeOffset(2025, 12, 31, 23, 30, 0, Vn).ToUniversalTime(), "phuong-1");
        var edge = await Create("edge", new DateTimeOffset(2026, 1, 1, 0, 10, 0, Vn).ToUniversalTime(), "phuong-1", "=1+1 đèn đường hỏng trước số 5");
        var onTime = await Create("onTime", new DateTimeOffset(2026, 2, 2, 9, 0, 0, Vn).ToUniversalTime(), "phuong-1");
        var late = await Create("late", new DateTimeOffset(2026, 3, 10, 9, 0, 0, Vn).ToUniversalTime(), "phuong-2");
        var overdue = await Create("overdue", new DateTimeOffset(2026, 4, 1, 9, 0, 0, Vn).ToUniversalTime(), "phuong-1");
        var rejected = await Create("rejected", new DateTimeOffset(2026, 5, 5, 9, 0, 0, Vn).ToUniversalTime(), "phuong-3");
        var july = await Create("july", new DateTimeOffset(2026, 7, 10, 9, 0, 0, Vn).ToUniversalTime(), "phuong-1");

        var lateDue = await db.Tickets.Where(t => t.Id == late).Select(t => t.DueDate).SingleAsync();
        await Set(before, TicketStatus.Answered, new DateTimeOffset(2026, 1, 2, 9, 0, 0, Vn).ToUniversalTime(), 1);
        await Set(edge, TicketStatus.Closed, new DateTimeOffset(2026, 1, 6, 9, 0, 0, Vn).ToUniversalTime());
        await Set(onTime, TicketStatus.Answered, new DateTimeOffset(2026, 2, 3, 15, 0, 0, Vn).ToUniversalTime(), 5);
        await Set(late, TicketStatus.Answered, new DateTimeOffset(lateDue.AddDays(3).ToDateTime(new TimeOnly(10, 0)), Vn).ToUniversalTime(), 2);
        await Set(rejected, TicketStatus.Rejected);
        await Set(july, TicketStatus.Accepted);
        var unit = await db.OrgUnits.Where(u => u.Code == "phuong-1").Select(u => u.Id).SingleAsync();
        await db.Tickets.Where(t => t.Id == edge || t.Id == onTime || t.Id == overdue).ExecuteUpdateAsync(s => s.SetProperty(t => t.UnitId, unit));
        Assert.That(overdue, Is.Not.Zero);

        var asked = new DateTimeOffset(2026, 3, 1, 9, 0, 0, Vn).ToUniversalTime();
        string[] questions = ["Thủ tục cấp phép xây dựng?", "thủ tục cấp phép xây dựng?", "Thủ tục cấp phép xây dựng? ", "Giờ làm việc thứ bảy?"];
        db.UnansweredQuestions.AddRange(questions.Select((q, i) => new UnansweredQuestion
        {
            Text = q, AskedAt = asked.AddDays(i), SourceMessageId = "unanswered-" + i, Status = UnansweredStatus.New,
        }));
        db.UnansweredQuestions.Add(new UnansweredQuestion { Text = "Đã trả lời rồi", AskedAt = asked, SourceMessageId = "unanswered-r", Status = UnansweredStatus.Resolved });
        await db.SaveChangesAsync();
    }

    private async Task<int> WardIdAsync(string code)
    {
        await using var db = _world.Database.CreateContext();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }
}
