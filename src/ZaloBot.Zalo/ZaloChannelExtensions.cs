using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Zalo;

/// <summary>
/// Registers the Zalo channel. The host must also register its <see cref="IZaloTokenStore"/> (PostgreSQL,
/// encrypted at rest) and <see cref="IZaloDistributedLock"/> (Redis or advisory lock), and, when more than one process
/// calls Zalo, an <see cref="IZaloRateBudget"/> they share (the default keeps the send budget in this process).
/// <para>Configuration sections: <c>Zalo:Api</c>, <c>Zalo:Resilience</c>, <c>Zalo:Webhook</c>, <c>Zalo:Tokens</c>;
/// all validated on start.</para>
/// </summary>
public static class ZaloChannelExtensions
{
    public static IHostApplicationBuilder AddZaloChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddZaloChannel(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<ZaloApiOptions>(services, configuration, ZaloApiOptions.SectionName);
        AddValidatedOptions<ZaloResilienceOptions>(services, configuration, ZaloResilienceOptions.SectionName);
        AddValidatedOptions<ZaloWebhookOptions>(services, configuration, ZaloWebhookOptions.SectionName);
        AddValidatedOptions<ZaloTokenOptions>(services, configuration, ZaloTokenOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ZaloSignatureVerifier>();
        services.TryAddSingleton<IZaloRateBudget, LocalRateBudget>();
        services.TryAddSingleton<ZaloRateLimiter>();

        // HttpClient.Timeout is off: the pipeline's attempt and total timeouts govern.
        services.AddHttpClient<ZaloOaClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<ZaloApiOptions>>().Value.OpenApiBaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(ZaloResiliencePipeline.OpenApi,
                (pipeline, context) => ZaloResiliencePipeline.ConfigureOpenApi(pipeline, context.ServiceProvider));

        services.AddHttpClient(ZaloOAuthClient.HttpClientName, (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<ZaloApiOptions>>().Value.OAuthBaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(ZaloResiliencePipeline.OAuth,
                (pipeline, context) => ZaloResiliencePipeline.ConfigureOAuth(pipeline, context.ServiceProvider));

        services.TryAddSingleton<ZaloOAuthClient>();
        services.TryAddSingleton<ZaloAccessTokenProvider>();
        services.TryAddSingleton<IAccessTokenProvider>(sp => sp.GetRequiredService<ZaloAccessTokenProvider>());
        services.AddHostedService<ZaloTokenRefreshWorker>();
        services.AddHealthChecks().AddCheck<ZaloTokenHealthCheck>("zalo-token", tags: ["zalo"]);
        return services;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
