using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Feedback;

public static class FeedbackConfiguration
{
    /// <summary>
    /// The ticket rules, split by who acts: intake (the bot's confirmed intake), citizen actions (chat), staff actions
    /// (console) and the notifications they queue; the staff-facing texts from content/tickets.vi.yaml.
    /// </summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => TicketTexts.Load(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory));
        builder.Services.AddSingleton<TicketMessages>();
        builder.Services.AddScoped<TicketNotifications>();
        builder.Services.AddScoped<TicketIntakeDesk>();
        builder.Services.AddScoped<CitizenTicketDesk>();
        builder.Services.AddScoped<StaffTicketDesk>();
        builder.Services.AddContentCheck<TicketTexts>();
        return builder;
    }
}
