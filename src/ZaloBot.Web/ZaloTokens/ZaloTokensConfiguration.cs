using ZaloBot.Zalo;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.ZaloTokens;

public static class ZaloTokensConfiguration
{
    /// <summary>
    /// The Zalo library (client, verifier, token provider; sections <c>Zalo:*</c>) with our token store (PostgreSQL,
    /// encrypted with the key ring of Hosting/KeyRingConfiguration) and refresh lock (Redis), and the token's readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddZaloTokens(this IHostApplicationBuilder builder)
    {
        builder.AddZaloChannel();
        builder.Services.AddHealthChecks().AddCheck<ZaloTokenReadinessCheck>("zalo-token-ready", tags: ["ready"]);
        builder.Services.AddSingleton<IZaloTokenStore, PostgresZaloTokenStore>();
        builder.Services.AddSingleton<IZaloDistributedLock, RedisZaloDistributedLock>();
        return builder;
    }
}
