using System.Net;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>Sign-in throttling at its production limits (20 per address, 10 per account, 15 min), shared by the web pods, and audit rows an attacker cannot write.</summary>
public sealed class SignInLimitTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync(settings: new Dictionary<string, string?>
    {
        ["Console:SignIn:PerAddress"] = "20",
        ["Console:SignIn:PerAccount"] = "10",
    });

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test, Order(1)]
    public async Task SignIn_UnknownEmail_AuditedWithoutTheTypedText_11thAttemptOnOneAccountIs429()
    {
        using var client = _world.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add(await PostSignInAsync(client, "<script>x</script>@evil.test", "wrong"));
        }

        Assert.That(statuses.Take(10), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses[10], Is.EqualTo(HttpStatusCode.TooManyRequests));
        await using var db = _world.Database.CreateContext();
        var failed = await db.AuditEntries.Where(a => a.Action == "sign-in-failed").Select(a => a.ActorName + "|" + a.Detail).ToListAsync();
        Assert.That(failed, Has.Count.EqualTo(10));
        Assert.That(failed, Is.All.EqualTo("—|unknown e-mail"));
    }

    [Test, Order(2)]
    public async Task SignIn_21stAttemptFromOneAddress_Is429_AcrossAccounts()
    {
        using var client = _world.CreateClient();
        var statuses = new List<HttpStatusCode>();
        // 11 were spent by the test before; spraying 10 more accounts from the same address reaches the limit of 20.
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await PostSignInAsync(client, $"spray{i}@evil.test", "wrong"));
        }

        Assert.That(statuses.Take(9), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses[9], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test, Order(3)]
    public async Task SignIn_OnAnotherWebPod_SharesTheCounts_AddressStillSpent()
    {
        // A second web pod (its own process and database, the same Redis): the address spent 21 attempts on the first.
        await using var otherPod = await ConsoleWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Console:SignIn:PerAddress"] = "20",
            ["Console:SignIn:PerAccount"] = "10",
            ["Redis:KeyPrefix"] = _world.Factory.RedisKeyPrefix,
        });
        using var client = otherPod.CreateClient();

        var status = await PostSignInAsync(client, "fresh@evil.test", "wrong");

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests), "per-pod counters would let this one through");
    }

    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient client, string email, string password)
    {
        var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/sign-in");
        using var response = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode;
    }
}
