using ZaloBot.Web.Faq;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Hosting;

/// <summary>The composition root: what the service is made of, in one place. Program.cs and the tests both use it.</summary>
public static class ZaloBotHost
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var service = builder.AddServiceOptions();
        builder.AddObservability();
        builder.AddStorage();
        builder.AddRedis();
        builder.AddStaff();
        builder.AddHealth(service);
        builder.AddFaq();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        if (service.RunsWeb)
        {
            app.MapFaqApi();
        }
        return app;
    }
}
