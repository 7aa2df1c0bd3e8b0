using System.Net;
using ZaloBot.Web.Console;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>What a new user meets first: the landing page at <c>/</c> and console dates in dd/MM/yyyy.</summary>
public sealed class FirstVisitTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Root_Anonymous_ShowsLandingPageWithConsoleLinkAndNoSimulatorOutsideDevelopment()
    {
        using var client = _world.CreateClient();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("href=\"/console\""));
        Assert.That(html, Does.Contain("Trang quản trị dành cho cán bộ"));
        Assert.That(html, Does.Not.Contain("/dev/chat"));
    }

    [Test]
    public async Task Reports_DatesInDayMonthYear_AreReadAndShownTheSameWay()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        var html = await client.GetStringAsync("/console/reports?from=01/07/2026&to=31/12/2026");

        Assert.That(html, Does.Contain("value=\"01/07/2026\""));
        Assert.That(html, Does.Contain("value=\"31/12/2026\""));
        Assert.That(html, Does.Not.Contain("type=\"date\""));
    }

    [Test]
    public async Task Reports_UnreadableDate_ShowsPoliteMessageNotAnError()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        using var response = await client.GetAsync("/console/reports?from=31/31/2026");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Ngày không hợp lệ"));
    }

    [TestCase("01/07/2026", 2026, 7, 1)]
    [TestCase("1/7/2026", 2026, 7, 1)]
    [TestCase("2026-07-01", 2026, 7, 1)]
    public void TryParse_ConsoleFormats_ReadsDayBeforeMonth(string text, int year, int month, int day)
    {
        Assert.That(DateInputBinder.TryParse(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("07/31/2026")]
    [TestCase("31-07-2026")]
    [TestCase("")]
    public void TryParse_OtherShapes_AreRefused(string text) => Assert.That(DateInputBinder.TryParse(text, out _), Is.False);
}
