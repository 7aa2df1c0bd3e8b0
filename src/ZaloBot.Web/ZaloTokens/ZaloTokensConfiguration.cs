using ZaloBot.Zalo;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.ZaloTokens;

public static class ZaloTokensConfiguration
{
    /// <summary>
    /// The Zalo library (client, verifier, token provider; sections <c>Zalo:*</c>) with our token store (PostgreSQL,
    /// encrypted with the key ring of Hosting/KeyRingConfiguration), refresh lock (Redis) and send budget (Redis: one budget for
    /// all processes of the OA, used by the client's limiter and the outbox pacer), and the token's readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddZaloTokens(this IHostApplicationBuilder builder)
    {
        builder.AddZaloChannel();
        builder.Services.AddHealthChecks().AddCheck<ZaloTokenReadinessCheck>("zalo-token-ready", tags: ["ready"]);
        builder.Services.AddSingleton<IZaloTokenStore, PostgresZaloTokenStore>();
        builder.Services.AddSingleton<IZaloDistributedLock, RedisZaloDistributedLock>();
        builder.Services.AddSingleton<IZaloRateBudget, RedisRateBudget>();
        return builder;
    }
}
