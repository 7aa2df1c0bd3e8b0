using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Organisation;

/// <summary>
/// `organisation migrate [--dry-run]`: seeds the pack chosen by Organisation:Pack (insert-only), then moves the database's
/// open work from the former units to the new ones (<see cref="OrganisationMigrator"/>). Safe to run again.
/// </summary>
public static class OrganisationCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var rest = args.Skip(1).ToList();
        if (args.Count == 0 || args[0] != "migrate" || rest.Any(a => a != "--dry-run"))
        {
            await output.WriteLineAsync("usage: organisation migrate [--dry-run]   (moves to the pack set by Organisation:Pack, e.g. Organisation__Pack=2025)");
            return 2;
        }

        var dryRun = rest.Contains("--dry-run");
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<OrganisationOptions>>().Value;
        var path = Path.Combine(provider.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory, options.FileName);
        var pack = OrganisationContent.Parse(await File.ReadAllTextAsync(path));
        if (pack.FormerWards.Count == 0 && pack.FormerUnits.Count == 0)
        {
            await output.WriteLineAsync($"organisation migrate: {options.FileName} (Organisation:Pack = {options.Pack}) maps no former units; nothing to migrate.");
            return 2;
        }

        // Seed and move in one transaction: a failure (or a dry run) leaves the database as it was.
        var db = provider.GetRequiredService<ZaloBotDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await provider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        var report = await provider.GetRequiredService<OrganisationMigrator>().MigrateAsync(pack, CancellationToken.None);
        if (dryRun)
        {
            await transaction.RollbackAsync();
        }
        else
        {
            await transaction.CommitAsync();
        }

        await output.WriteLineAsync((dryRun ? "organisation migrate (dry run, nothing saved): " : "organisation migrate: ") + report.Summary());
        foreach (var code in report.ToReview)
        {
            await output.WriteLineAsync($"  check the ward of ticket {code} (its address did not decide between the wards of a split former ward)");
        }

        foreach (var user in report.StaffToReassign)
        {
            await output.WriteLineAsync($"  assign {user} to their new division in /console/users (moved to the office for now)");
        }

        return 0;
    }
}
