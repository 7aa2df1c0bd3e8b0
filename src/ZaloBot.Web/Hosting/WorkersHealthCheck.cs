using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Hosting;

/// <summary>In the worker role: every registered worker has reported recently.</summary>
public sealed class WorkersHealthCheck(WorkerHeartbeats heartbeats, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var beats = heartbeats.Snapshot();
        if (beats.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No background worker is registered"));
        }

        var stale = beats.Where(b => now - b.Value > options.Value.WorkerStaleAfter).Select(b => b.Key).ToList();
        return Task.FromResult(stale.Count == 0
            ? HealthCheckResult.Healthy($"{beats.Count} worker(s) running")
            : HealthCheckResult.Unhealthy($"Stale worker(s): {string.Join(", ", stale)}"));
    }
}
