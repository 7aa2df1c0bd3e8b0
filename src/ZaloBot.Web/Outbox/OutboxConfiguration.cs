using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Outbox;

public static class OutboxConfiguration
{
    /// <summary>The outbox (section "Outbox"): the sender of one row and, with the worker role, the delivery worker.</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxWorkSignal>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddScoped<HeldMessageResender>();

        if (service.RunsWorkers)
        {
            builder.Services.AddSingleton<OutboxWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        }

        return builder;
    }
}
