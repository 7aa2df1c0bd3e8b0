using Microsoft.Extensions.Options;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Test]
    public async Task Start_UnknownServiceRole_FailsWithAClearMessage()
    {
        await using var factory = new ZaloBotFactory("Host=127.0.0.1;Database=unused", TestServers.Redis,
            new Dictionary<string, string?> { ["Service:Role"] = "frontend" });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.Start());

        Assert.That(ex!.Message, Does.Contain("Service").And.Contain("all, web, worker"));
    }

    [Test]
    public async Task Start_InvalidRedisKeyPrefix_FailsWithAClearMessage()
    {
        await using var factory = new ZaloBotFactory("Host=127.0.0.1;Database=unused", TestServers.Redis,
            new Dictionary<string, string?> { ["Redis:KeyPrefix"] = "Has Spaces!" });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.Start());

        Assert.That(ex!.Message, Does.Contain("KeyPrefix"));
    }

    [Test]
    public async Task Start_MissingPostgresConnectionString_FailsWithAClearMessage()
    {
        await using var factory = new ZaloBotFactory("", TestServers.Redis);

        var ex = Assert.Throws<InvalidOperationException>(() => factory.Start());

        Assert.That(ex!.Message, Does.Contain("ConnectionStrings:Postgres"));
    }

    [Test]
    public async Task Start_ProcessedMarkersKeptNoLongerThanTheDedupeWindow_Fails()
    {
        await using var factory = new ZaloBotFactory("Host=127.0.0.1;Database=unused", TestServers.Redis,
            new Dictionary<string, string?> { ["Retention:ProcessedEvents"] = "3.00:00:00", ["Inbound:DedupeRetention"] = "3.00:00:00" });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.Start());

        Assert.That(ex!.Message, Does.Contain("Retention:ProcessedEvents"));
    }
}
