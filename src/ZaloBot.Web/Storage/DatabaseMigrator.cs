using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ZaloBot.Web.Storage;

/// <summary>
/// Applies EF Core migrations under a PostgreSQL advisory lock, so several instances starting at once
/// (e.g. two pods of a deployment) do not race: the second waits, then finds nothing left to apply.
/// </summary>
public sealed class DatabaseMigrator(ZaloBotDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>An arbitrary, fixed 64-bit key for pg_advisory_lock ("ZALOBOT" in ASCII).</summary>
    internal const long LockKey = 0x5A414C4F424F54;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            try
            {
                // On a new database EF would first query the history table that is not there yet and log the expected
                // "relation does not exist" as a `fail:` line (twice) before creating it; creating it first (IF NOT EXISTS) keeps
                // the first start's log clean and changes nothing for a migrated database.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }

                logger.LogInformation("Database migrated: {Applied} migration(s) applied", pending.Count);
                return pending;
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
