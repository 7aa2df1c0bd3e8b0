using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Cchc;
using ZaloBot.Dialogs.Content;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Cchc;

public static class CchcConfiguration
{
    /// <summary>The CCHC section: options "Cchc", citizen texts from content/cchc.vi.yaml, the editorial desk.</summary>
    public static IHostApplicationBuilder AddCchc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CchcOptions>().BindConfiguration(CchcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var path = Path.Combine(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory, "cchc.vi.yaml");
            return File.Exists(path) ? CchcTexts.Parse(File.ReadAllText(path)) : CchcTexts.Default;
        });
        builder.Services.AddScoped<CchcDesk>();
        builder.Services.AddScoped<CchcTurnEffects>();
        // The chat side (Dialogs/Cchc): read-only boards, the router's CCHC part, and the "tin mới" notice of a visit.
        builder.Services.AddSingleton<CchcUnseenSnapshot>();
        builder.Services.AddSingleton<BotCchcBoard>();
        builder.Services.AddSingleton<BusinessDialogue.BotDialogueBoard>();
        builder.Services.AddSingleton(sp => new CchcChat(
            sp.GetRequiredService<BotCchcBoard>(), sp.GetRequiredService<BusinessDialogue.BotDialogueBoard>(),
            sp.GetRequiredService<Notifications.BotStaffLinkDesk>(), sp.GetRequiredService<CchcTexts>(),
            sp.GetRequiredService<IOptions<CchcOptions>>().Value.ChatPageSize));
        builder.Services.AddSingleton(sp => new CchcNewsOnVisit(
            sp.GetRequiredService<BotCchcBoard>(), sp.GetRequiredService<CchcChat>(), sp.GetRequiredService<IOptions<CchcOptions>>().Value.NewPostsOnVisit));
        return builder;
    }
}
