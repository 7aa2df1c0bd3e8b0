using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ZaloBot.Web.Storage;

public static class RedisConfiguration
{
    /// <summary>
    /// One shared multiplexer, connected at start-up (not on the first event). AbortOnConnectFail is off,
    /// so the service starts while Redis is down (the webhook falls back to PostgreSQL) and reconnects by itself.
    /// The password comes from <c>Redis:Password</c> (a secret) or the connection string; Production requires one.
    /// </summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Redis is not set. Set ConnectionStrings__Redis in the environment (see appsettings.sample.json).");
        }

        // Redis holds the event stream and the token-refresh lock: never without a password where it matters.
        var password = builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Password)}"];
        if (builder.Environment.IsProduction() && string.IsNullOrEmpty(password) && string.IsNullOrEmpty(ConfigurationOptions.Parse(connectionString).Password))
        {
            throw new InvalidOperationException(
                "Redis has no password. In Production set Redis__Password (from a secret) to the server's requirepass, " +
                "or password=… in ConnectionStrings__Redis.");
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
            if (!string.IsNullOrEmpty(options.Password))
            {
                config.Password = options.Password;
            }

            // Fail fast while disconnected instead of queueing commands for up to AsyncTimeout: the webhook must
            // fall back to PostgreSQL well inside Zalo's 2 s, and workers retry on their own.
            config.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(config);
        });
        return builder;
    }
}
