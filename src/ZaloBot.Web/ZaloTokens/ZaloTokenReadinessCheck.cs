using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.ZaloTokens;

/// <summary>
/// Puts the OA token state in /health/ready as Degraded (HTTP 200), never Unhealthy: without a token the service
/// still accepts webhooks and queues replies (the outbox delivers them once the token is fixed), so it must stay in
/// the load balancer, but operators must see it. Wraps the library's <see cref="ZaloTokenHealthCheck"/>.
/// </summary>
public sealed class ZaloTokenReadinessCheck(ZaloAccessTokenProvider provider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var inner = await new ZaloTokenHealthCheck(provider).CheckHealthAsync(context, cancellationToken);
        return inner.Status == HealthStatus.Healthy ? inner : HealthCheckResult.Degraded(inner.Description, data: inner.Data);
    }
}
