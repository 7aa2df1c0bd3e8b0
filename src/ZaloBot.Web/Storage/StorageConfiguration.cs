using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ZaloBot.Web.Storage;

public static class StorageConfiguration
{
    /// <summary>PostgreSQL through one shared NpgsqlDataSource; EF Core with snake_case names.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set. Set ConnectionStrings__Postgres in the environment (see appsettings.sample.json).");
        }

        var dataSource = new NpgsqlDataSourceBuilder(WithAutoPrepare(connectionString)).Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContext<ZaloBotDbContext>(options => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        builder.Services.AddDbContextFactory<ZaloBotDbContext>(lifetime: ServiceLifetime.Scoped);
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddScoped<ContentSeeder>();
        return builder;
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string says otherwise: EF Core sends the same few
    /// statements on every turn (a marker, a state, transcript and outbox rows), and without it PostgreSQL parses and
    /// plans each one on every execution (docs/performance.md, "Turns"). Set <c>Max Auto Prepare=0</c> behind a
    /// transaction-mode connection pooler that cannot keep prepared statements.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows, set or not: read the keys as written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare }.ConnectionString;
    }

    /// <summary>Statements kept prepared per physical connection: the hot path uses about 20 distinct ones.</summary>
    private const int MaxAutoPrepare = 64;
}
