using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// A migrated, seeded database with the real service on Kestrel and one staff user per role:
/// admin, office, supervisor, and unit users for Phường 1 and Phường 2.
/// </summary>
public sealed partial class ConsoleWorld : IAsyncDisposable
{
    public const string Password = "mat-khau-2026";
    public const string Admin = "admin@q3.test";
    public const string Office = "office@q3.test";
    public const string Supervisor = "supervisor@q3.test";
    public const string Ward1 = "p1@q3.test";
    public const string Ward2 = "p2@q3.test";

    private ConsoleWorld(TestDatabase database, ZaloBotFactory factory)
    {
        Database = database;
        Factory = factory;
    }

    public TestDatabase Database { get; }

    public ZaloBotFactory Factory { get; }

    public Uri BaseAddress => Factory.BaseAddress;

    /// <param name="configureServices">Runs before the composition root (e.g. <see cref="FakeZaloServer.Attach"/> for chat through the fake Zalo).</param>
    public static async Task<ConsoleWorld> CreateAsync(
        TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, settings, realServer: true, time: time)
        {
            ConfigureServices = configureServices,
        };
        var world = new ConsoleWorld(database, factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        await world.AddUserAsync(Admin, "Quản trị viên", StaffRoles.Admin);
        await world.AddUserAsync(Office, "Nguyễn Văn Phòng", StaffRoles.Office);
        await world.AddUserAsync(Supervisor, "Trần Giám Sát", StaffRoles.Supervisor);
        await world.AddUserAsync(Ward1, "Lê Phường Một", StaffRoles.Unit, "phuong-1");
        await world.AddUserAsync(Ward2, "Phạm Phường Hai", StaffRoles.Unit, "phuong-2");
        return world;
    }

    public async Task AddUserAsync(string email, string name, string role, string? unit = null)
    {
        List<string> args = ["add", "--email", email, "--name", name, "--role", role];
        if (unit is not null)
        {
            args.AddRange(["--unit", unit]);
        }

        using var output = new StringWriter();
        var code = await UserCommand.RunAsync(Factory.Services, args, new StringReader(Password + "\n"), output);
        Assert.That(code, Is.Zero, output.ToString());
    }

    /// <summary>Creates a ticket as the bot will (through <see cref="TicketIntakeDesk"/>) and, if given, assigns it to a unit directly.</summary>
    public async Task<TicketIntake> CreateTicketAsync(string text, string? assignToUnitCode = null, string wardCode = "phuong-1", string zaloUserId = "zalo-user-1", string category = "trat-tu-do-thi")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketIntakeDesk>();
        var intake = await desk.CreateAsync(new TicketRequest("msg-" + Guid.NewGuid().ToString("N"), zaloUserId, category, text, wardCode), CancellationToken.None);
        if (assignToUnitCode is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
            var unitId = await db.OrgUnits.Where(u => u.Code == assignToUnitCode).Select(u => u.Id).SingleAsync();
            await db.Tickets.Where(t => t.Id == intake.TicketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.UnitId, unitId));
        }

        return intake;
    }

    /// <summary>An HttpClient with its own cookie jar, signed in as <paramref name="email"/>; redirects are not followed.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient();
        var form = await GetFormTokenAsync(client, "/console/sign-in");
        using var response = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = Password,
            ["__RequestVerificationToken"] = form,
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"sign-in of {email} failed");
        return client;
    }

    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>Loads a page and returns its anti-forgery token (the form field value).</summary>
    public static async Task<string> GetFormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.That(match.Success, Is.True, $"no anti-forgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form with the anti-forgery token of <paramref name="tokenPath"/> (default: the page posted to).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, string? tokenPath = null)
    {
        form["__RequestVerificationToken"] = await GetFormTokenAsync(client, tokenPath ?? path);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    /// <summary>The FAQ entry as stored now.</summary>
    public async Task<StoredFaqEntry> FaqEntryAsync(string slug)
    {
        await using var db = Database.CreateContext();
        return await db.FaqEntries.AsNoTracking().SingleAsync(f => f.Slug == slug);
    }

    /// <summary>A question the bot could not answer, as the turn records it (its best guess: dang-ky-khai-sinh at 0.31).</summary>
    public async Task<long> AddUnansweredAsync(string text)
    {
        await using var db = Database.CreateContext();
        var question = new UnansweredQuestion
        {
            Text = text, ZaloUserId = "zalo-unanswered", AskedAt = TimeProvider.System.GetUtcNow(), TopCandidate = "dang-ky-khai-sinh",
            TopConfidence = 0.31, SourceMessageId = "msg-" + Guid.NewGuid().ToString("N"),
        };
        db.UnansweredQuestions.Add(question);
        await db.SaveChangesAsync();
        return question.Id;
    }

    /// <summary>A number as a form field.</summary>
    public static string Field(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
