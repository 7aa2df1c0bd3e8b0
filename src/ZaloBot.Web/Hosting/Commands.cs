using Microsoft.AspNetCore.DataProtection;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Hosting;

/// <summary>The service binary's subcommands; ./zalobot calls these so that deploys do not need the script.</summary>
public static class Commands
{
    public static async Task<int> ServeAsync(WebApplication app)
    {
        await app.RunAsync();
        return 0;
    }

    public static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        // Create the first Data Protection key now, before any pod serves: pods that start together would otherwise
        // each create one, and a pod only looks for keys it does not know during its first minutes.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("ZaloBot.KeyRing.Warmup").Protect("ready");
        return 0;
    }

    public static async Task<int> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        return 0;
    }

    public static int Usage(string command)
    {
        System.Console.Error.WriteLine($"Unknown command '{command}'. Commands: serve (default), migrate, seed, user add, eval, faq export|import, oa link|connect|status, organisation migrate.");
        return 2;
    }
}
