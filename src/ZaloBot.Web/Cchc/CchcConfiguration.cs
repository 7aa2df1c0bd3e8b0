using Microsoft.Extensions.Options;
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
        return builder;
    }
}
