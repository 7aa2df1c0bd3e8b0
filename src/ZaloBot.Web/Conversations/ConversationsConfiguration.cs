using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Cchc;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Organisation;

namespace ZaloBot.Web.Conversations;

public static class ConversationsConfiguration
{
    /// <summary>
    /// The citizen conversations: bot texts from content/bot-texts.vi.yaml, options "Bot" and "Office", the turn
    /// engine (error handler outermost, then the flood limit), the read-only lookups over PostgreSQL, and the one committer of a turn (state, effects, transcript, outbox in PostgreSQL).
    /// </summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotOptions>>(new ValidateOptions<BotOptions>(null, o => o.Validate().Count == 0,
            "Bot: invalid settings (see docs/dialogs.md for the ranges)."));
        builder.Services.AddOptions<OfficeHoursOptions>().BindConfiguration(OfficeHoursOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Opens < o.Closes, "Office: Opens must be before Closes.")
            .ValidateOnStart();

        builder.Services.AddSingleton(sp =>
        {
            var path = Path.Combine(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory, "bot-texts.vi.yaml");
            return File.Exists(path) ? BotTexts.Parse(File.ReadAllText(path)) : BotTexts.Default;
        });
        builder.Services.AddSingleton<StreetDirectory>();
        builder.Services.AddSingleton<BotFeedbackDesk>();
        builder.Services.AddSingleton<BotStaffDesk>();
        builder.Services.AddSingleton<BotFaqCatalog>();
        builder.Services.AddSingleton(sp => new BotPorts(
            sp.GetRequiredService<BotFeedbackDesk>(),
            sp.GetRequiredService<BotStaffDesk>(),
            sp.GetRequiredService<BotFaqCatalog>()));
        // The CCHC section's chat (Dialogs/Cchc), registered by AddCchc.
        builder.Services.AddSingleton(sp => new CitizenBot(sp.GetRequiredService<BotPorts>(), sp.GetRequiredService<IRecognizer>(), sp.GetService<CchcChat>()));
        builder.Services.AddSingleton(sp => new CitizenNotices(sp.GetRequiredService<BotTexts>()));
        builder.Services.AddSingleton(sp => new TurnEngine(
            sp.GetRequiredService<CitizenBot>(),
            sp.GetRequiredService<BotTexts>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            [
                new ErrorHandlingMiddleware(sp.GetRequiredService<ILogger<ErrorHandlingMiddleware>>()),
                new RateLimitMiddleware(),
                .. sp.GetServices<CchcNewsOnVisit>(),
            ]));
        // TryAdd: channel tests register a recording turn function first.
        builder.Services.TryAddSingleton<ITurnFunction, DialogTurnFunction>();
        builder.Services.AddScoped<TurnEffects>();
        builder.Services.AddScoped<TurnCommitter>();
        builder.Services.AddScoped<StaffHandover>();
        return builder;
    }
}
