using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>The live-chat screen over real HTTP: one staff member takes a request, units are denied.</summary>
public sealed class HandoffsHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Handoff_TwoOfficeUsersTakeTheSameRequest_SecondIsRefusedAndUnitUserIsDenied()
    {
        long id;
        await using (var db = _world.Database.CreateContext())
        {
            var handoff = new Web.Conversations.HandoffRequest { ZaloUserId = "zalo-handoff-http", RequestedAt = DateTimeOffset.UnixEpoch, State = Web.Conversations.HandoffRequestState.Waiting };
            db.HandoffRequests.Add(handoff);
            await db.SaveChangesAsync();
            id = handoff.Id;
        }

        using var first = await _world.SignInAsync(ConsoleWorld.Office);
        using var second = await _world.SignInAsync(ConsoleWorld.Admin);
        using var ward = await _world.SignInAsync(ConsoleWorld.Ward1);
        var firstToken = await ConsoleWorld.GetFormTokenAsync(first, $"/console/handoffs/{id}");
        var secondToken = await ConsoleWorld.GetFormTokenAsync(second, $"/console/handoffs/{id}");
        uint version;
        await using (var db = _world.Database.CreateContext())
        {
            version = await db.HandoffRequests.Where(h => h.Id == id).Select(h => h.Version).SingleAsync();
        }

        FormUrlEncodedContent Take(string token) => new(new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        });
        using var taken = await first.PostAsync($"/console/handoffs/{id}?handler=Take", Take(firstToken));
        using var refused = await second.PostAsync($"/console/handoffs/{id}?handler=Take", Take(secondToken));
        using var denied = await ward.GetAsync($"/console/handoffs/{id}");

        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Yêu cầu này đã được cán bộ khác nhận hoặc đã kết thúc."));
        Assert.That(denied.Headers.Location!.ToString(), Does.Contain("/console/denied"));
        await using var check = _world.Database.CreateContext();
        var saved = await check.HandoffRequests.SingleAsync(h => h.Id == id);
        Assert.That(saved.State, Is.EqualTo(Web.Conversations.HandoffRequestState.Active));
        Assert.That(await check.OutboundMessages.CountAsync(o => o.ZaloUserId == "zalo-handoff-http"), Is.EqualTo(1));
    }
}
