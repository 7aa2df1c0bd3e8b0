using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Reports;

public static class ReportsConfiguration
{
    /// <summary>Request path of the console's own scripts and the npm libraries they use (copied to console-assets/ by the build).</summary>
    public const string AssetsPath = "/console/assets";

    /// <summary>Report figures, Excel exports and their texts (content/reports.vi.yaml, read once at start).</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TicketReportQuery>();
        builder.Services.AddSingleton(sp => ReportTexts.Load(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory));
        builder.Services.AddContentCheck<ReportTexts>();
        builder.Services.AddSingleton<ReportWorkbook>();
        return builder;
    }

    /// <summary>Serves chart.js and the console scripts from the app itself: no CDN, nothing fetched by the browser elsewhere.</summary>
    public static WebApplication MapConsoleAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "console-assets")),
            RequestPath = AssetsPath,
        });
        return app;
    }
}
