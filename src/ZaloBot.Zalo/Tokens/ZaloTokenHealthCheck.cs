using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZaloBot.Zalo.Tokens;

/// <summary>Reports <see cref="ZaloAccessTokenProvider.Status"/>: missing or failed refresh is unhealthy.</summary>
public sealed class ZaloTokenHealthCheck(ZaloAccessTokenProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = provider.Status;
        var data = new Dictionary<string, object>
        {
            ["state"] = status.State.ToString(),
            ["accessTokenExpiresAt"] = status.AccessTokenExpiresAt?.ToString("O") ?? "",
            ["lastRefreshAt"] = status.LastRefreshAt?.ToString("O") ?? "",
        };
        var result = status.State switch
        {
            ZaloTokenState.Healthy => HealthCheckResult.Healthy("Zalo OA token is valid.", data),
            ZaloTokenState.Unknown => HealthCheckResult.Healthy("Zalo OA token not loaded yet.", data),
            ZaloTokenState.Missing => HealthCheckResult.Unhealthy("No Zalo OA token stored: authorise the OA.", data: data),
            _ => HealthCheckResult.Unhealthy($"Zalo OA token refresh failed: {status.LastFailure}", data: data),
        };
        return Task.FromResult(result);
    }
}
