using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>What a Production start refuses, each with a message naming the setting to fix (issue 9).</summary>
public sealed class ProductionStartTests
{
    [Test]
    public async Task Start_ProductionWithoutCertificate_StopsNamingTheSetting()
    {
        await using var factory = Production(new() { ["AllowedHosts"] = "zalobot.test" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Start());

        Assert.That(error!.Message, Does.StartWith("KeyRing:Certificate is not set.").And.Contain("KeyRing__Certificate"));
    }

    [TestCase(null)]
    [TestCase("*")]
    [TestCase("zalobot.test;*")]
    public async Task Start_ProductionWithoutAllowedHosts_Stops(string? allowedHosts)
    {
        await using var factory = Production(new() { ["AllowedHosts"] = allowedHosts, ["KeyRing:Certificate"] = KeyRingTests.Certificate() });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Start());

        Assert.That(error!.Message, Does.StartWith("AllowedHosts must name the public host(s) in Production"));
    }

    [Test]
    public async Task Start_ProductionRedisWithoutPassword_Stops()
    {
        await using var factory = Production(new()
        {
            ["AllowedHosts"] = "zalobot.test",
            ["KeyRing:Certificate"] = KeyRingTests.Certificate(),
            ["KeyRing:CertificatePassword"] = "pfx-password",
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Start());

        Assert.That(error!.Message, Does.StartWith("Redis has no password.").And.Contain("Redis__Password"));
    }

    private static ZaloBotFactory Production(Dictionary<string, string?> settings) =>
        new("Host=127.0.0.1;Database=unused", "127.0.0.1:1", settings) { EnvironmentName = "Production" };
}
