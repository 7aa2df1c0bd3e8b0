using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>The ticket queue over real HTTP: sign-in redirect, counts, code search, roles.</summary>
public sealed class QueueHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Queue_Anonymous_RedirectsToSignIn()
    {
        using var client = _world.CreateClient();

        using var response = await client.GetAsync("/console/tickets");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/console/sign-in"));
    }

    [Test]
    public async Task Queue_Office_ShowsNewTicketWithStatusCounts()
    {
        var intake = await _world.CreateTicketAsync("Xe máy đậu chiếm hết vỉa hè trước chợ Bàn Cờ");
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        var html = await client.GetStringAsync("/console/tickets");

        Assert.That(html, Does.Contain(intake.Code));
        Assert.That(html, Does.Contain("Xe máy đậu chiếm hết vỉa hè trước chợ Bàn Cờ"));
        Assert.That(html, Does.Contain("Mới tiếp nhận"));
        // The sign-out form in the header carries an anti-forgery token too.
        var signOut = html[html.IndexOf("handler=SignOut", StringComparison.Ordinal)..];
        Assert.That(signOut[..signOut.IndexOf("</form>", StringComparison.Ordinal)], Does.Contain("__RequestVerificationToken"));
    }

    [Test]
    public async Task Queue_CodeSearch_FindsOnlyThatTicket()
    {
        var wanted = await _world.CreateTicketAsync("Cây xanh gãy cành");
        var other = await _world.CreateTicketAsync("Rác thải ven kênh");
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        var html = await client.GetStringAsync($"/console/tickets?q={wanted.Code}");

        Assert.That(html, Does.Contain(wanted.Code));
        Assert.That(html, Does.Not.Contain(other.Code));
    }

    [Test]
    public async Task Supervisor_QueueIsForbidden_ReportsAreAllowed()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Supervisor);

        using var queue = await client.GetAsync("/console/tickets");
        using var reports = await client.GetAsync("/console/reports");

        Assert.That(queue.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(queue.Headers.Location!.ToString(), Does.Contain("/console/denied"));
        Assert.That(reports.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
