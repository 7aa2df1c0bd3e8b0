using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Storage;

public sealed class ContentSeederTests
{
    [Test]
    public async Task SeedAsync_RunTwice_LoadsTheOrganisationOnceAndKeepsAdminEdits()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis);

        var firstAdded = await SeedAsync(factory);
        await using (var db = database.CreateContext())
        {
            var ward = await db.OrgUnits.SingleAsync(u => u.Code == "phuong-1");
            ward.Name = "Phường 1 (đã sửa)";
            await db.SaveChangesAsync();
        }

        var secondAdded = await SeedAsync(factory);

        await using var check = database.CreateContext();
        Assert.That(firstAdded, Is.GreaterThan(0));
        Assert.That(secondAdded, Is.Zero);
        Assert.That(await check.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Ward), Is.EqualTo(12));
        Assert.That(await check.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Office), Is.EqualTo(1));
        Assert.That((await check.OrgUnits.SingleAsync(u => u.Code == "phuong-1")).Name, Is.EqualTo("Phường 1 (đã sửa)"));
        Assert.That(await check.FeedbackCategories.AllAsync(c => c.DefaultUnitId != null || c.Route != Web.Feedback.CategoryRoute.Ticket), Is.True);
        Assert.That(await check.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 2, 17)), Is.True);
        Assert.That(await check.Roles.CountAsync(), Is.EqualTo(4));
    }

    private static async Task<int> SeedAsync(ZaloBotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
    }
}
