using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Zalo.Tests.Api;

public sealed class ZaloOptionsValidationTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Test]
    public void ZaloResilienceOptions_Defaults_AreValidAndStayUnderZaloLimit()
    {
        var options = new ZaloResilienceOptions();

        Assert.That(Validate(options), Is.Empty);
        Assert.That(options.RateLimitBurst + options.RateLimitPermitsPerMinute, Is.LessThan(4000));
    }

    [Test]
    public void ZaloResilienceOptions_BurstPlusRateAtZaloLimit_IsInvalid()
    {
        var options = new ZaloResilienceOptions { RateLimitPermitsPerMinute = 3950, RateLimitBurst = 50 };

        Assert.That(Validate(options).Select(r => r.ErrorMessage),
            Is.EqualTo(new[] { "RateLimitBurst + RateLimitPermitsPerMinute must stay below Zalo's 4,000 requests/min." }));
    }

    [Test]
    public void ZaloResilienceOptions_TotalShorterThanAttempt_IsInvalid()
    {
        var options = new ZaloResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(10) };

        Assert.That(Validate(options).Select(r => r.MemberNames.First()), Does.Contain(nameof(ZaloResilienceOptions.TotalTimeout)));
    }

    [Test]
    public void ZaloResilienceOptions_AttemptTimeoutOutOfRange_IsInvalid()
    {
        var options = new ZaloResilienceOptions { AttemptTimeout = TimeSpan.FromMinutes(5), TotalTimeout = TimeSpan.FromMinutes(6) };

        Assert.That(Validate(options).Select(r => r.MemberNames.First()), Does.Contain(nameof(ZaloResilienceOptions.AttemptTimeout)));
    }

    [Test]
    public void ZaloApiOptions_BaseUrlWithoutTrailingSlash_IsInvalid()
    {
        var options = new ZaloApiOptions { OpenApiBaseUrl = new Uri("https://openapi.zalo.me/base") };

        Assert.That(Validate(options).Select(r => r.ErrorMessage),
            Is.EqualTo(new[] { "OpenApiBaseUrl must be an absolute URL ending with '/'." }));
    }

    [Test]
    public void AddZaloChannel_MissingSecrets_FailsValidationWhenOptionsAreRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        using var services = new ServiceCollection().AddZaloChannel(configuration).BuildServiceProvider();

        Assert.That(() => services.GetRequiredService<IOptions<ZaloWebhookOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
        Assert.That(() => services.GetRequiredService<IOptions<ZaloTokenOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }
}
