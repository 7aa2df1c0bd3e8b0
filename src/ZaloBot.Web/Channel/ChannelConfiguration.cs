using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZaloBot.Web.Hosting;
using ZaloBot.Zalo;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Channel;

public static class ChannelConfiguration
{
    /// <summary>
    /// The Zalo channel: the library's client, verifier and token provider (sections <c>Zalo:*</c>), our token store
    /// (PostgreSQL, Data Protection) and lock (Redis), the inbound streams and processor, the outbox, and — with
    /// the worker role — the inbound, forwarder and outbox workers.
    /// </summary>
    public static IHostApplicationBuilder AddChannel(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        builder.Services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddZaloChannel();

        var keysDirectory = builder.Configuration[$"{ChannelOptions.Section}:{nameof(ChannelOptions.DataProtectionKeysDirectory)}"];
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ZaloBot");
        if (!string.IsNullOrWhiteSpace(keysDirectory))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        }

        // The dead-letter admin API requires the Admin role (authorization middleware is added by the host when registered).
        builder.Services.AddAuthorization();
        builder.Services.AddHealthChecks().AddCheck<ZaloTokenReadinessCheck>("zalo-token-ready", tags: ["ready"]);
        builder.Services.AddSingleton<IZaloTokenStore, PostgresZaloTokenStore>();
        builder.Services.AddSingleton<IZaloDistributedLock, RedisZaloDistributedLock>();

        builder.Services.AddSingleton<ChannelKeys>();
        builder.Services.AddSingleton<InboundWorkSignal>();
        builder.Services.AddSingleton<OutboxWorkSignal>();
        builder.Services.AddSingleton<InboundQueue>();
        builder.Services.AddScoped<InboundProcessor>();
        builder.Services.AddScoped<DeadLetterStore>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddHostedService<ChannelWarmup>();

        if (service.RunsWorkers)
        {
            builder.Services.AddSingleton<InboundWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<InboundWorker>());
            builder.Services.AddSingleton<InboxForwarderWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxForwarderWorker>());
            builder.Services.AddSingleton<OutboxWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        }

        return builder;
    }
}
