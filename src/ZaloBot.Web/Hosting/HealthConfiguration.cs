using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZaloBot.Web.Hosting;

public static class HealthConfiguration
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder, ServiceOptions service)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WorkerHeartbeats>();
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        if (service.RunsWorkers)
        {
            checks.AddCheck<WorkersHealthCheck>("workers", tags: [Ready]);
        }

        return builder;
    }

    /// <summary>/health/live: the process answers. /health/ready: PostgreSQL, Redis and (worker role) workers are fine.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReport,
        });
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
