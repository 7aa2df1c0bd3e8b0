using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Tests.Console;

/// <summary>
/// "Kết nối Zalo OA" and the headless <c>oa</c> command. The happy path through the consent page runs in the
/// production-topology test; here, what must be refused and the command's inputs.
/// </summary>
public sealed class OaConnectionTests
{
    [Test]
    public async Task Callback_WithoutTheConsentCookie_IsRefusedStoresNothingAndShowsTheError()
    {
        await using var world = await ConsoleWorld.CreateAsync();
        using var anonymous = world.CreateClient();

        using var response = await anonymous.GetAsync("/console/oa/callback?code=stolen-code&oa_id=2000000000000000002&state=guessed");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("data-outcome=\"InvalidState\"").And.Contain("Yêu cầu kết nối không hợp lệ"));
        await using var db = world.Database.CreateContext();
        Assert.That(await db.ZaloOaTokens.CountAsync(), Is.Zero);
        Assert.That((await db.OaConnections.SingleAsync()).LastError, Is.EqualTo("consent state missing, expired or not matching"));
    }

    [Test]
    public async Task OaPage_OfficeUser_IsDenied_AdminSeesNotConnected()
    {
        await using var world = await ConsoleWorld.CreateAsync();
        using var office = await world.SignInAsync(ConsoleWorld.Office);
        using var admin = await world.SignInAsync(ConsoleWorld.Admin);

        using var denied = await office.GetAsync("/console/oa");
        var page = await admin.GetStringAsync("/console/oa");

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(denied.Headers.Location!.ToString(), Does.Contain("/console/denied"));
        Assert.That(page, Does.Contain("<td id=\"oa-state\">Chưa kết nối</td>").And.Contain(">Kết nối</a>"));
    }

    [Test]
    public async Task Connect_StartsTheConsentWithPkceAndAStateCookie()
    {
        await using var world = await ConsoleWorld.CreateAsync();
        using var admin = await world.SignInAsync(ConsoleWorld.Admin);

        using var response = await admin.GetAsync("/console/oa?handler=connect");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var consent = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        Assert.That(response.Headers.Location!.AbsolutePath, Does.EndWith("/v4/oa/permission"));
        Assert.That(consent["redirect_uri"], Is.EqualTo(new Uri(world.BaseAddress, "/console/oa/callback").AbsoluteUri));
        Assert.That(consent["code_challenge"], Does.Match("^[A-Za-z0-9_-]{43}$"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(OaConsentCookie.CookieName, StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("path=/console/oa").And.Contain("samesite=lax").And.Contain("httponly"));
        Assert.That(cookie, Does.Not.Contain(consent["state"]!), "the state travels encrypted");
    }

    [Test]
    public async Task Command_ConnectPair_StoresItEncryptedAndStatusReportsIt()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis) { ConfigureServices = fake.Attach };
        var issued = fake.State.IssueTokens();

        using var output = new StringWriter();
        var code = await OaCommand.RunAsync(factory.Services, ["connect", "--pair"], new StringReader($"{issued.AccessToken}\n{issued.RefreshToken}\n90000\n"), output);
        using var status = new StringWriter();
        var statusCode = await OaCommand.RunAsync(factory.Services, ["status"], new StringReader(""), status);

        Assert.That((code, output.ToString().Trim()), Is.EqualTo((0, "connected")));
        Assert.That(statusCode, Is.Zero);
        Assert.That(status.ToString(), Does.Contain("oa_id=2000000000000000002 name=" + fake.State.Options.OaName + " connected=True"));
        var stored = await factory.Services.GetRequiredService<IZaloTokenStore>().GetAsync(ZaloBotFactory.OaId, CancellationToken.None);
        Assert.That(stored!.RefreshToken, Is.EqualTo(issued.RefreshToken));
        await using var db = database.CreateContext();
        var row = await db.ZaloOaTokens.SingleAsync();
        Assert.That(row.RefreshTokenCipher, Does.Not.Contain(issued.RefreshToken));
    }

    [Test]
    public async Task Command_ConnectCode_WrongCode_FailsAndRecordsZalosAnswer()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis) { ConfigureServices = fake.Attach };

        using var output = new StringWriter();
        var code = await OaCommand.RunAsync(factory.Services, ["connect", "--code", "--verifier", ZaloPkce.Create().Verifier], new StringReader("not-a-code\n"), output);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.StartWith("not connected: ExchangeFailed: code exchange failed: Permanent (code -14019"));
        await using var db = database.CreateContext();
        Assert.That(await db.ZaloOaTokens.CountAsync(), Is.Zero);
    }
}
