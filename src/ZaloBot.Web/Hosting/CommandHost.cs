using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Faq;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.ZaloTokens;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// The small host of the one-shot commands (migrate, seed, user add, eval, faq, oa, organisation): storage, the key ring, staff
/// identity, the FAQ and the Zalo token store, and nothing of the web app (no Kestrel, endpoints, console or
/// channel) nor any hosted worker, so a migration job never starts an inbound or outbox loop. Its options are
/// validated before the command runs, as <see cref="ZaloBotHost"/>'s are when it starts.
/// </summary>
public static class CommandHost
{
    /// <param name="environmentName">The environment; by default DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT, as for the service.</param>
    /// <param name="configure">Runs before the modules read their settings (tests point it at their own database).</param>
    public static IHost Build(string[] args, string? environmentName = null, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CommandHost).Assembly.GetName().Name,
            // The deploy files and ./zalobot set ASPNETCORE_ENVIRONMENT, which the generic host alone would not read:
            // the command must load the same appsettings.{Environment}.json as the service.
            EnvironmentName = environmentName
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
        });
        configure?.Invoke(builder);
        builder.AddServiceOptions();
        builder.AddObservability();
        builder.AddStorage();
        builder.AddKeyRing();
        builder.AddRedis();
        builder.AddStaff();
        builder.AddOrganisation();
        builder.AddFaq();
        builder.AddZaloTokens();
        builder.AddOaConnection();
        // The modules register their workers (the FAQ index, telemetry exporters) for the service; a command runs
        // once and exits, so none of them may start.
        builder.Services.RemoveAll<IHostedService>();
        var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
