using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Organisation;

/// <summary>
/// The 2025 organisation pack (wards Bàn Cờ, Xuân Hòa, Nhiêu Lộc) and the move of a running 2021 database to it, against
/// real PostgreSQL: open work follows the former wards and departments, finished tickets keep their history, and a second
/// run changes nothing.
/// </summary>
public sealed class OrganisationMigrationTests
{
    private static readonly string PackPath = Path.Combine(AppContext.BaseDirectory, "content", "organisation-2025.yaml");

    [Test]
    public void Pack2025_IsConsistent_AndCoversEveryFormerWardAndDepartment()
    {
        var pack = OrganisationContent.Parse(File.ReadAllText(PackPath));
        var old = OrganisationContent.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "organisation.yaml")));

        Assert.That(pack.Validate(), Is.Empty);
        Assert.That(pack.Wards.Select(w => w.Name), Is.EqualTo(new[] { "Phường Bàn Cờ", "Phường Xuân Hòa", "Phường Nhiêu Lộc" }));
        Assert.That(pack.FormerWards.Select(f => f.Code), Is.EquivalentTo(old.Wards.Select(w => w.Code)), "every 2021 ward has a successor");
        Assert.That(pack.FormerUnits.Select(f => f.Code).Append("vp-hdnd-ubnd"), Is.EquivalentTo(old.Units.Select(u => u.Code)), "every 2021 department has a successor");
        Assert.That(pack.Categories.Select(c => c.Code), Is.EqualTo(old.Categories.Select(c => c.Code)), "tickets, reports and the FAQ keep their category codes");
        Assert.That(pack.Streets.Single(s => s.Name == "Trần Quốc Thảo").Wards, Is.EqualTo(new[] { "phuong-xuan-hoa", "phuong-nhieu-loc" }));
    }

    [TestCase("2021", true)]
    [TestCase("2025", true)]
    [TestCase("2030", false)]
    [TestCase("", false)]
    public void PackSetting_OnlyKnownPacks(string pack, bool valid)
    {
        var options = new OrganisationOptions { Pack = pack };
        Assert.That(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true), Is.EqualTo(valid));
    }

    [Test]
    public async Task Migrate_OpenWorkMovesToTheNewWardsAndDivisions_FinishedTicketsStay_SecondRunChangesNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        TicketIntake inWard9, inWard4Ambiguous, inWard4ByStreet, closedInWard1, assignedToWard1;
        await using (var host2021 = new ZaloBotFactory(database.ConnectionString, TestServers.Redis))
        {
            await using var scope = host2021.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
            var desk = scope.ServiceProvider.GetRequiredService<TicketIntakeDesk>();
            // trat-tu-do-thi defaults to Phòng Quản lý đô thị: in 2025 that is the ward's Phòng Kinh tế, Hạ tầng và Đô thị.
            inWard9 = await desk.CreateAsync(new TicketRequest("m1", "u1", "trat-tu-do-thi", "Lấn chiếm vỉa hè trước chợ.", "phuong-9"), CancellationToken.None);
            inWard4Ambiguous = await desk.CreateAsync(new TicketRequest("m2", "u2", "ve-sinh-moi-truong", "Rác để lâu ngày.", "phuong-4", LocationAddress: "12 Vườn Chuối"), CancellationToken.None);
            inWard4ByStreet = await desk.CreateAsync(new TicketRequest("m3", "u3", "ha-tang", "Đèn đường hỏng.", "phuong-4", LocationAddress: "25 Trần Quốc Thảo"), CancellationToken.None);
            closedInWard1 = await desk.CreateAsync(new TicketRequest("m4", "u4", "khac", "Đã xong từ trước.", "phuong-1"), CancellationToken.None);
            assignedToWard1 = await desk.CreateAsync(new TicketRequest("m5", "u5", "khac", "Phường xử lý.", "phuong-1"), CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
            var ward1 = await db.OrgUnits.Where(u => u.Code == "phuong-1").Select(u => u.Id).SingleAsync();
            await db.Tickets.Where(t => t.Id == closedInWard1.TicketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed).SetProperty(t => t.UnitId, ward1));
            await db.Tickets.Where(t => t.Id == assignedToWard1.TicketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.UnitId, ward1));
            foreach (var (email, unit) in new[] { ("p1@q3.test", "phuong-1"), ("kt@q3.test", "phong-kinh-te") })
            {
                var code = await UserCommand.RunAsync(host2021.Services, ["add", "--email", email, "--name", "Cán bộ", "--role", StaffRoles.Unit, "--unit", unit],
                    new StringReader("mat-khau-2026\n"), TextWriter.Null);
                Assert.That(code, Is.Zero);
            }
        }

        await using var host2025 = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, new Dictionary<string, string?> { ["Organisation:Pack"] = "2025" });
        var dryRun = await RunAsync(host2025, "migrate", "--dry-run");
        await using (var db = database.CreateContext())
        {
            Assert.That(dryRun, Does.Contain("dry run").And.Contain("tickets=4"));
            Assert.That(await db.AuditEntries.CountAsync(a => a.Action.StartsWith("organisation.")), Is.Zero, "a dry run saves nothing");
        }

        var first = await RunAsync(host2025, "migrate");
        var second = await RunAsync(host2025, "migrate");

        await using var check = database.CreateContext();
        var codeOf = await check.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Code);
        async Task<(string? Ward, string? Unit)> PlaceAsync(TicketIntake intake)
        {
            var t = await check.Tickets.AsNoTracking().SingleAsync(x => x.Id == intake.TicketId);
            return (t.WardId is { } w ? codeOf[w] : null, t.UnitId is { } u ? codeOf[u] : null);
        }

        Assert.That(first, Does.Contain("tickets=4; staff=2").And.Contain($"check the ward of ticket {inWard4Ambiguous.Code}").And.Contain("assign kt@q3.test"));
        Assert.That(await PlaceAsync(inWard9), Is.EqualTo(("phuong-nhieu-loc", "kt-ht-dt-nhieu-loc")));
        Assert.That(await PlaceAsync(inWard4Ambiguous), Is.EqualTo(("phuong-ban-co", "kt-ht-dt-ban-co")), "split ward, street in both: the main ward, listed for review");
        Assert.That(await PlaceAsync(inWard4ByStreet), Is.EqualTo(("phuong-xuan-hoa", "kt-ht-dt-xuan-hoa")), "split ward: the street decides");
        Assert.That(await PlaceAsync(closedInWard1), Is.EqualTo(("phuong-1", "phuong-1")), "finished tickets keep their history");
        Assert.That((await PlaceAsync(assignedToWard1)).Unit, Is.EqualTo("phuong-ban-co"));
        Assert.That(await check.Users.Where(u => u.Email == "p1@q3.test").Select(u => u.Unit!.Code).SingleAsync(), Is.EqualTo("phuong-ban-co"));
        Assert.That(await check.Users.Where(u => u.Email == "kt@q3.test").Select(u => u.Unit!.Code).SingleAsync(), Is.EqualTo("vp-hdnd-ubnd"));
        Assert.That(await check.OrgUnits.Where(u => u.Kind == OrgUnitKind.Ward && u.IsActive).Select(u => u.Code).ToListAsync(),
            Is.EquivalentTo(new[] { "phuong-ban-co", "phuong-xuan-hoa", "phuong-nhieu-loc" }));
        Assert.That(await check.FeedbackCategories.Where(c => c.Code == "trat-tu-do-thi").Select(c => c.DefaultUnit!.Code).SingleAsync(), Is.EqualTo("vp-hdnd-ubnd"));
        Assert.That(await check.AuditEntries.CountAsync(a => a.Action == "organisation.migrate-ticket"), Is.EqualTo(4));

        Assert.That(second, Does.Contain("tickets=0; staff=0; dialogue-questions=0; cchc-posts=0; categories=0; units-off=0"));
        Assert.That(await check.AuditEntries.CountAsync(a => a.Action == "organisation.migrate"), Is.EqualTo(1), "the second run changed nothing");
    }

    private static async Task<string> RunAsync(ZaloBotFactory host, params string[] args)
    {
        using var output = new StringWriter();
        var code = await OrganisationCommand.RunAsync(host.Services, args, output);
        Assert.That(code, Is.Zero, output.ToString());
        return output.ToString();
    }
}
