using ZaloBot.Web.Console;
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
        builder.AddConsole();
        builder.AddHealth(service);

        var app = builder.Build();
        app.MapHealth();
        app.MapConsole();
        return app;
    }
}
