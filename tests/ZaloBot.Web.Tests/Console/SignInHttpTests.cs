using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>Sign-in over real HTTP: wrong password, anti-forgery, lockout (each audited).</summary>
public sealed class SignInHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task SignIn_WrongPassword_ShowsVietnameseErrorAndIsAudited()
    {
        using var client = _world.CreateClient();
        var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/sign-in");

        using var response = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ConsoleWorld.Supervisor, ["password"] = "sai-mat-khau-1", ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Email hoặc mật khẩu không đúng."));
        await using var db = _world.Database.CreateContext();
        Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "sign-in-failed" && a.ActorName == "Trần Giám Sát"), Is.EqualTo(1));
    }

    [Test]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = _world.CreateClient();

        using var response = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ConsoleWorld.Office, ["password"] = ConsoleWorld.Password,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        await _world.AddUserAsync("lockout@q3.test", "Người Thử Khóa", Web.Staff.StaffRoles.Office);
        using var client = _world.CreateClient();
        string html = "";
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/sign-in");
            var password = attempt < 5 ? "sai-mat-khau-1" : ConsoleWorld.Password;
            using var response = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = "lockout@q3.test", ["password"] = password, ["__RequestVerificationToken"] = token,
            }));
            html = await response.Content.ReadAsStringAsync();
        }

        // The sixth attempt has the right password but the account is locked.
        Assert.That(html, Does.Contain("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần."));
    }
}
