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
        builder.Services.AddSingleton<PostgresHealthCheck>();
        builder.Services.AddSingleton<RedisHealthCheck>();
        // Each store is shown in the report, but on its own only makes the pod Degraded (still HTTP 200): readiness
        // is about the pod's own work. Web: some store can take an event. Worker: its loops are alive (they keep
        // beating and retrying while a store is down, and catch up when it returns).
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", HealthStatus.Degraded, tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, tags: [Ready]);
        if (service.RunsWeb)
        {
            checks.AddCheck<EventIntakeHealthCheck>("event-intake", tags: [Ready]);
        }

        if (service.RunsWorkers)
        {
            checks.AddCheck<WorkersHealthCheck>("workers", tags: [Ready]);
        }

        return builder;
    }

    /// <summary>/health/live: the process answers. /health/ready: 200 while the role can do its work (see AddHealth), 503 otherwise.</summary>
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
