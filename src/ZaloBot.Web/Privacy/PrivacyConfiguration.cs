using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Privacy;

public static class PrivacyConfiguration
{
    /// <summary>Section "Retention", the deletion-request handler and — with the worker role — the retention worker.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CitizenEraser>();
        if (service.RunsWorkers)
        {
            builder.Services.AddSingleton<RetentionWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        }

        return builder;
    }
}
