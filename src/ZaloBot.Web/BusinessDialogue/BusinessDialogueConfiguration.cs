namespace ZaloBot.Web.BusinessDialogue;

public static class BusinessDialogueConfiguration
{
    /// <summary>Business dialogue sessions (registrations, questions, answers): the desk the console and the chat use.</summary>
    public static IHostApplicationBuilder AddBusinessDialogue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DialogueDesk>();
        return builder;
    }
}
