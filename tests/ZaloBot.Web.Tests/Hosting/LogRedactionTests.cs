using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

public sealed class LogRedactionTests
{
    [Test]
    public async Task PersonalDataLog_PhoneNameAndText_AreErased_TheUserIdIsAStablePseudonym()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:ZaloBot.Web.Tests"] = "Information" },
            builder => builder.Logging.AddFakeLogging());
        var logger = factory.Services.GetRequiredService<ILogger<LogRedactionTests>>();
        var collector = factory.Services.GetFakeLogCollector();

        PersonalDataLog.CitizenMessage(logger, "2468458835296197922", "Số của tôi là 0912345678, nhà ở 12 Võ Văn Tần");
        PersonalDataLog.ContactDetails(logger, "2468458835296197922", "Nguyễn Văn An", "84912345678");

        PersonalDataLog.StateConflict(logger, "2468458835296197922", 2);
        PersonalDataLog.StateConflict(logger, "1111111111111111111", 2);

        var messages = collector.GetSnapshot().Where(r => r.Id.Id is 1001 or 1002 or 1003).Select(r => r.Message).ToList();
        var pseudonyms = messages.Select(m => System.Text.RegularExpressions.Regex.Match(m, "u:[0-9a-f]{12}").Value).ToList();
        Assert.That(messages, Has.Count.EqualTo(4));
        Assert.That(string.Join("\n", messages), Does.Not.Contain("2468458835296197922").And.Not.Contain("1111111111111111111"));
        Assert.That(pseudonyms.Take(3).Distinct().Count(), Is.EqualTo(1), "one citizen, one pseudonym");
        Assert.That(pseudonyms[3], Is.Not.EqualTo(pseudonyms[0]).And.Not.Empty);
        Assert.That(string.Join("\n", messages), Does.Not.Contain("0912345678").And.Not.Contain("Nguyễn").And.Not.Contain("84912345678").And.Not.Contain("Võ Văn Tần"));
    }

    [Test]
    public async Task FailingEventWithoutMessageId_ItsDedupeKeyHoldsTheUserId_LoggedOnlyAsAPseudonym()
    {
        // A follow event has no msg_id: its dedupe key is "follow|timestamp|user id". The worker logs the key of an
        // event that fails; it used to write it as is.
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        const string user = "2468458835296197922";
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis,
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Inbound:MaxAttempts"] = "2",
                ["Inbound:RetryBaseDelay"] = "00:00:00.020",
            },
            builder => builder.Logging.AddFakeLogging())
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<Web.Conversations.ITurnFunction>(new FailingTurn());
                fake.Attach(services);
            },
        };
        using var client = factory.CreateClient();
        var collector = factory.Services.GetFakeLogCollector();

        await ZaloEvents.PostAsync(client, ZaloEvents.Follow(user));
        var deadLettered = await Eventually.TrueAsync(() => collector.GetSnapshot().Any(r => r.Id.Id == 1006), TimeSpan.FromSeconds(30));

        var lines = collector.GetSnapshot().Where(r => r.Id.Id is 1006 or 1007).Select(r => r.Message).ToList();
        Assert.That(deadLettered, Is.True);
        Assert.That(lines, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(lines, Has.All.Match("Inbound event u:[0-9a-f]{12} "));
        Assert.That(string.Join("\n", collector.GetSnapshot().Select(r => r.Message)), Does.Not.Contain(user));
    }

    private sealed class FailingTurn : Web.Conversations.ITurnFunction
    {
        public Task<ZaloBot.Dialogs.Engine.TurnResult> RunAsync(ZaloBot.Dialogs.Engine.BotState state, Web.Conversations.InboundTurn turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("refused on purpose");
    }
}
