using Microsoft.Extensions.Options;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Webhook;

public sealed class WebhookOptionsTests
{
    [Test]
    public async Task Start_WebhookOaIdDiffersFromTokenOaId_FailsValidation()
    {
        await using var factory = new ZaloBotFactory("Host=127.0.0.1;Port=1;Database=x", TestServers.Redis,
            new Dictionary<string, string?> { ["Webhook:OaId"] = "111", ["Zalo:Tokens:OaId"] = "222" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Start());

        Assert.That(error!.Message, Does.Contain("Webhook:OaId must equal Zalo:Tokens:OaId"));
    }

    [Test]
    public async Task Start_MissingOaSecretKey_FailsValidation()
    {
        await using var factory = new ZaloBotFactory("Host=127.0.0.1;Port=1;Database=x", TestServers.Redis,
            new Dictionary<string, string?> { ["Zalo:Webhook:OaSecretKey"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Start());

        Assert.That(error!.Message, Does.Contain("OaSecretKey"));
    }
}
