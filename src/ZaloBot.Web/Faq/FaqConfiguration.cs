using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Web.Faq;

public static class FaqConfiguration
{
    /// <summary>Section "Recognizer": thresholds and weights (see docs/understanding.md).</summary>
    public const string Section = "Recognizer";

    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RecognizerOptions>().BindConfiguration(Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RecognizerOptions>, RecognizerOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<RecognizerOptions>>().Value);
        builder.Services.AddSingleton<FaqContentFiles>();
        builder.Services.AddSingleton<LiveRecognizer>();
        builder.Services.AddSingleton<IRecognizer>(sp => sp.GetRequiredService<LiveRecognizer>());
        builder.Services.AddHostedService<FaqIndexWorker>();
        builder.Services.AddScoped<FaqEditor>();
        return builder;
    }
}
