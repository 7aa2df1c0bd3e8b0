using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Privacy;

public static class PrivacyConfiguration
{
    /// <summary>Section "Retention", the deletion-request handler and — with the worker role — the retention worker.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        var dedupeRetention = builder.Configuration.GetValue("Inbound:DedupeRetention", TimeSpan.FromDays(3));
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.ProcessedEvents > dedupeRetention,
                "Retention:ProcessedEvents must be longer than Inbound:DedupeRetention: a redelivered event inside the dedupe window must still find its marker.")
            .ValidateOnStart();
        builder.Services.AddScoped<CitizenEraser>();
        if (service.RunsWorkers)
        {
            builder.Services.AddSingleton<RetentionWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        }

        return builder;
    }
}
