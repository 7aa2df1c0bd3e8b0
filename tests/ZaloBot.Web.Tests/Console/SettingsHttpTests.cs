using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>The settings screen over real HTTP: admins only, edits saved and audited.</summary>
public sealed class SettingsHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Settings_OfficeUser_IsForbidden()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        using var response = await client.GetAsync("/console/settings");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/console/denied"));
    }

    [Test]
    public async Task Settings_AdminChangesCategoryDeadline_SavedAndAudited()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/settings");
        int id;
        uint version;
        int? unit;
        await using (var db = _world.Database.CreateContext())
        {
            var category = await db.FeedbackCategories.SingleAsync(c => c.Code == "kinh-doanh");
            (id, version, unit) = (category.Id, category.Version, category.DefaultUnitId);
        }

        FormUrlEncodedContent Form(uint v) => new(new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["defaultUnitId"] = unit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["deadlineWorkingDays"] = "12", ["isActive"] = "true", ["__RequestVerificationToken"] = token,
        });
        using var saved = await client.PostAsync("/console/settings?handler=Category", Form(version));
        using var stale = await client.PostAsync("/console/settings?handler=Category", Form(version));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(stale.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("Mục này vừa được người khác sửa."));
        await using var check = _world.Database.CreateContext();
        var saved12 = await check.FeedbackCategories.SingleAsync(c => c.Id == id);
        Assert.That(saved12.DeadlineWorkingDays, Is.EqualTo(12));
        Assert.That(saved12.DefaultUnitId, Is.EqualTo(unit));
        Assert.That(await check.AuditEntries.CountAsync(a => a.Action == "category.update" && a.Target == "category:kinh-doanh" && a.ActorName == "Quản trị viên"), Is.EqualTo(1));
    }
}
