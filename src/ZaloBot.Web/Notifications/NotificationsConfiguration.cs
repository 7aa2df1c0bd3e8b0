using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Notifications;

public static class NotificationsConfiguration
{
    /// <summary>Staff e-mail notices: options "Mail" (validated), texts from content/mail.vi.yaml, the worker when enabled.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        ArgumentNullException.ThrowIfNull(service);
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Host), "Mail: Host is required when Enabled is true.")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1) && o.PollInterval <= TimeSpan.FromHours(1), "Mail: PollInterval must be between 1 second and 1 hour.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => MailTexts.Load(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory));
        builder.Services.AddContentCheck<MailTexts>();
        builder.Services.AddScoped<StaffNotifier>();
        var enabled = builder.Configuration.GetSection(MailOptions.Section).GetValue<bool>(nameof(MailOptions.Enabled));
        if (enabled && service.RunsWorkers)
        {
            builder.Services.AddHostedService<StaffNotificationWorker>();
        }

        return builder;
    }
}
