using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

public sealed class LogRedactionTests
{
    [Test]
    public async Task PersonalDataLog_PhoneNameAndText_AreErasedButTheUserIdStays()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var factory = new ZaloBotFactory(database.ConnectionString, TestServers.Redis,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:ZaloBot.Web.Tests"] = "Information" },
            builder => builder.Logging.AddFakeLogging());
        var logger = factory.Services.GetRequiredService<ILogger<LogRedactionTests>>();
        var collector = factory.Services.GetFakeLogCollector();

        PersonalDataLog.CitizenMessage(logger, "2468458835296197922", "Số của tôi là 0912345678, nhà ở 12 Võ Văn Tần");
        PersonalDataLog.ContactDetails(logger, "2468458835296197922", "Nguyễn Văn An", "84912345678");

        var messages = collector.GetSnapshot().Where(r => r.Id.Id is 1001 or 1002).Select(r => r.Message).ToList();
        Assert.That(messages, Has.Count.EqualTo(2));
        Assert.That(messages, Has.All.Contains("2468458835296197922"));
        Assert.That(string.Join("\n", messages), Does.Not.Contain("0912345678").And.Not.Contain("Nguyễn").And.Not.Contain("84912345678").And.Not.Contain("Võ Văn Tần"));
    }
}
