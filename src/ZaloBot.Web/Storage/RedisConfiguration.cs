using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ZaloBot.Web.Storage;

public static class RedisConfiguration
{
    /// <summary>
    /// One shared multiplexer, connected at start-up (not on the first event). AbortOnConnectFail is off,
    /// so the service starts while Redis is down, reports unready, and reconnects by itself.
    /// </summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Redis is not set. Set ConnectionStrings__Redis in the environment (see appsettings.sample.json).");
        }

        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            var config = ConfigurationOptions.Parse(connectionString);
            config.AbortOnConnectFail = false;
            config.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
            config.SyncTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
            config.AsyncTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
            config.ClientName = "zalobot";
            // Fail fast while disconnected instead of queueing commands for up to AsyncTimeout: the webhook must
            // fall back to PostgreSQL well inside Zalo's 2 s, and workers retry on their own.
            config.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(config);
        });
        return builder;
    }
}
