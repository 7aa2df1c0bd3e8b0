namespace ZaloBot.Web.Feedback;

public static class FeedbackConfiguration
{
    /// <summary>The ticket rules (<see cref="TicketDesk"/>) and the citizen-facing ticket messages, used by the bot and the console.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TicketDesk>();
        builder.Services.AddSingleton<TicketMessages>();
        return builder;
    }
}
