using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// Web readiness: the webhook can take an event while EITHER store can (Redis stream, or the PostgreSQL inbox as
/// fallback; see docs/channel.md), so the pod stays in the Service during a Redis outage. Unhealthy only when both
/// are down, when the webhook would answer 503 anyway.
/// </summary>
public sealed class EventIntakeHealthCheck(PostgresHealthCheck postgres, RedisHealthCheck redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("probe", postgres, HealthStatus.Unhealthy, tags: null),
        };
        var results = await Task.WhenAll(
            postgres.CheckHealthAsync(probe, cancellationToken),
            redis.CheckHealthAsync(probe, cancellationToken));
        var (pg, rd) = (results[0].Status == HealthStatus.Healthy, results[1].Status == HealthStatus.Healthy);
        return (pg, rd) switch
        {
            (true, true) => HealthCheckResult.Healthy("Events go to the Redis stream"),
            (true, false) => HealthCheckResult.Degraded("Redis is down: events go to the PostgreSQL inbox"),
            (false, true) => HealthCheckResult.Degraded("PostgreSQL is down: events go to the Redis stream"),
            _ => HealthCheckResult.Unhealthy("Neither Redis nor PostgreSQL can take an event"),
        };
    }
}
