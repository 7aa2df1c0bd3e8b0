using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Notifications;

public static class NotificationsConfiguration
{
    /// <summary>
    /// Staff notices: by e-mail (options "Mail", validated) and on Zalo for linked staff (options "StaffZalo"), texts from
    /// content/mail.vi.yaml, the link codes, and the worker when either is enabled.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        ArgumentNullException.ThrowIfNull(service);
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Host), "Mail: Host is required when Enabled is true.")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1) && o.PollInterval <= TimeSpan.FromHours(1), "Mail: PollInterval must be between 1 second and 1 hour.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => MailTexts.Load(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory));
        builder.Services.AddContentCheck<MailTexts>();
        builder.Services.AddOptions<StaffZaloOptions>().BindConfiguration(StaffZaloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<StaffNotifier>();
        builder.Services.AddScoped<StaffZaloLinks>();
        builder.Services.AddSingleton<BotStaffLinkDesk>();
        var mail = builder.Configuration.GetSection(MailOptions.Section).GetValue<bool>(nameof(MailOptions.Enabled));
        var zalo = builder.Configuration.GetSection(StaffZaloOptions.Section).GetValue<bool>(nameof(StaffZaloOptions.Enabled));
        if ((mail || zalo) && service.RunsWorkers)
        {
            builder.Services.AddHostedService<StaffNotificationWorker>();
        }

        return builder;
    }
}
