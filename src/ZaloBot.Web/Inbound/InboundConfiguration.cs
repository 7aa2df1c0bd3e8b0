using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Inbound;

public static class InboundConfiguration
{
    /// <summary>
    /// Inbound events (section "Inbound"): the partitioned Redis streams and their queue, the processor of one event,
    /// dead letters, media download, and — with the worker role — the stream and PostgreSQL-inbox workers.
    /// </summary>
    public static IHostApplicationBuilder AddInbound(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        builder.Services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<InboundPartitions>();
        builder.Services.AddSingleton<InboundWorkSignal>();
        builder.Services.AddSingleton<InboundQueue>();
        builder.Services.AddScoped<InboundProcessor>();
        builder.Services.AddScoped<DeadLetterStore>();
        builder.Services.AddSingleton<MediaDownloader>();
        builder.Services.AddHttpClient(MediaDownloader.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);

        if (service.RunsWorkers)
        {
            builder.Services.AddSingleton<InboundWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<InboundWorker>());
            builder.Services.AddSingleton<InboxForwarderWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxForwarderWorker>());
        }

        return builder;
    }
}
