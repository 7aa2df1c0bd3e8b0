using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Storage;

public sealed class DatabaseMigratorTests
{
    [Test]
    public async Task MigrateAsync_EmptyDatabase_CreatesSchemaAndSecondRunAppliesNothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.CreateContext();
        var migrator = new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance);

        var first = await migrator.MigrateAsync(CancellationToken.None);
        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.That(first, Is.EquivalentTo(db.Database.GetMigrations()));
        Assert.That(first, Is.Not.Empty);
        Assert.That(second, Is.Empty);
        Assert.That(await db.Tickets.CountAsync(), Is.Zero);
        Assert.That(await TableExistsAsync(database, "tickets"), Is.True);
        Assert.That(await TableExistsAsync(database, "\"AspNetUsers\""), Is.True);
    }

    [Test]
    public async Task MigrateAsync_TwoInstancesAtOnce_BothSucceedAndMigrationsApplyOnce()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db1 = database.CreateContext();
        await using var db2 = database.CreateContext();

        var results = await Task.WhenAll(
            new DatabaseMigrator(db1, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None),
            new DatabaseMigrator(db2, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None));

        var all = db1.Database.GetMigrations().ToList();
        Assert.That(results.Select(r => r.Count).Order(), Is.EqualTo(new[] { 0, all.Count }));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", connection);
        Assert.That(Convert.ToInt32(await count.ExecuteScalarAsync()), Is.EqualTo(all.Count));
    }

    [Test]
    public async Task MigrateAsync_EmptyDatabase_LogsNoErrors()
    {
        // The first `./zalobot run` must not print `fail:` lines for the history table that does not exist yet.
        await using var database = await TestDatabase.CreateEmptyAsync();
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector)));
        await using var db = new ZaloBotDbContext(new DbContextOptionsBuilder<ZaloBotDbContext>()
            .UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseLoggerFactory(loggers)
            .Options);

        var applied = await new DatabaseMigrator(db, loggers.CreateLogger<DatabaseMigrator>()).MigrateAsync(CancellationToken.None);

        Assert.That(applied, Is.Not.Empty);
        Assert.That(collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => r.Category + ": " + r.Message), Is.Empty);
    }

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection);
        command.Parameters.AddWithValue("t", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
