using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>
/// The console against hostile or careless input: the ticket page's transcript scoped to that ticket, and page
/// inputs that used to be 500s.
/// </summary>
public sealed class ConsoleHardeningTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task TicketPage_ShowsOnlyThatTicketsConversation_PhonesMaskedWithoutConsent()
    {
        const string citizen = "zalo-transcript";
        var first = await _world.CreateTicketAsync("Cây đổ trên đường Võ Văn Tần", zaloUserId: citizen);
        await using (var db = _world.Database.CreateContext())
        {
            var created = await db.Tickets.Where(t => t.Id == first.TicketId).Select(t => t.CreatedAt).SingleAsync();
            db.Transcript.AddRange(
                Line(citizen, "Chuyện cũ từ hôm qua", created.AddDays(-1), "t-old"),
                Line(citizen, "Cây đổ, gọi tôi số 0912345678", created.AddMinutes(-3), "t-intake"),
                Line("zalo-other", "Người khác nhắn", created.AddMinutes(-2), "t-other"),
                Line(citizen, "Một việc khác sau đó", created.AddHours(3), "t-later"));
            await db.SaveChangesAsync();
        }

        using var office = await _world.SignInAsync(ConsoleWorld.Office);
        var html = await office.GetStringAsync($"/console/tickets/{first.TicketId}");

        Assert.That(html, Does.Contain("Cây đổ, gọi tôi số"));
        Assert.That(html, Does.Not.Contain("0912345678"));
        Assert.That(html, Does.Not.Contain("Chuyện cũ từ hôm qua").And.Not.Contain("Người khác nhắn").And.Not.Contain("Một việc khác sau đó"));
    }

    [TestCase("/console/reports?from=9999-12-31&to=9999-12-31")]
    [TestCase("/console/reports?from=0001-01-01")]
    public async Task Reports_UnusablePeriod_Polite400(string url)
    {
        using var office = await _world.SignInAsync(ConsoleWorld.Office);

        using var response = await office.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Khoảng thời gian không hợp lệ"));
    }

    [TestCase("/console/unanswered?p=2147483647")]
    [TestCase("/console/unanswered?p=-2147483648")]
    [TestCase("/console/unanswered?p=abc&status=%00")]
    [TestCase("/console/tickets?p=2147483647&unitId=2147483647&wardId=-1&categoryId=99999999999&due=x&status=99&cursor=9999-12-31_x")]
    [TestCase("/console/tickets?q=%F0%9F%98%80%00")]
    [TestCase("/console/tickets/9223372036854775807")]
    [TestCase("/console/tickets/-1")]
    [TestCase("/console/handoffs/9223372036854775807")]
    [TestCase("/console/faq/edit/%00%F0%9F%98%80")]
    [TestCase("/console/faq?q=%00")]
    [TestCase("/console/attachments/00000000-0000-0000-0000-000000000000")]
    [TestCase("/console/api/tickets/9223372036854775807")]
    public async Task Pages_HostileQueryValues_NeverA5xx(string url)
    {
        using var admin = await _world.SignInAsync(ConsoleWorld.Admin);

        using var response = await admin.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.LessThan(500), url);
    }

    [Test]
    public async Task Users_CreateWithAMissingUnit_Polite422()
    {
        using var admin = await _world.SignInAsync(ConsoleWorld.Admin);
        var token = await ConsoleWorld.GetFormTokenAsync(admin, "/console/users");

        using var response = await admin.PostAsync("/console/users?handler=create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "moi@q3.test", ["name"] = "Người mới", ["role"] = "Unit", ["unitId"] = "2147483647",
            ["password"] = "mat-khau-moi-2026", ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Đơn vị không tồn tại."));
    }

    [Test]
    public async Task Settings_UnitNameLongerThanItsColumn_Polite422NotA500()
    {
        using var admin = await _world.SignInAsync(ConsoleWorld.Admin);
        var token = await ConsoleWorld.GetFormTokenAsync(admin, "/console/settings");

        using var response = await admin.PostAsync("/console/settings?handler=addUnit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "don-vi-dai", ["name"] = new string('x', 500), ["kind"] = "Department", ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Dữ liệu không hợp lệ"));
    }

    [Test]
    public async Task Settings_HolidayInYear9999_Polite422()
    {
        using var admin = await _world.SignInAsync(ConsoleWorld.Admin);
        var token = await ConsoleWorld.GetFormTokenAsync(admin, "/console/settings");

        using var response = await admin.PostAsync("/console/settings?handler=addDay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["date"] = "9999-12-31", ["kind"] = "Holiday", ["name"] = "Tết", ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    private static TranscriptEntry Line(string user, string text, DateTimeOffset at, string source) =>
        new() { ZaloUserId = user, Direction = TranscriptDirection.FromCitizen, Text = text, At = at, SourceId = source };
}
