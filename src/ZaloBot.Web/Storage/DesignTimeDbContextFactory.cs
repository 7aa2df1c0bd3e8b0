using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ZaloBot.Web.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ZaloBotDbContext>
{
    public ZaloBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ZaloBotDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
