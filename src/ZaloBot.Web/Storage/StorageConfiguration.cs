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

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContext<ZaloBotDbContext>(options => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        builder.Services.AddDbContextFactory<ZaloBotDbContext>(lifetime: ServiceLifetime.Scoped);
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddScoped<ContentSeeder>();
        return builder;
    }
}
