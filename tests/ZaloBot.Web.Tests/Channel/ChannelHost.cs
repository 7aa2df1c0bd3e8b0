using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Channel;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Channel;

/// <summary>A service host with workers, a recording handler and the shared fake Zalo, tuned for quick retries.</summary>
public static class ChannelHost
{
    public static ZaloBotFactory Create(
        TestDatabase database,
        FakeZaloServer fake,
        RecordingHandler handler,
        string redis,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Channel:RetryBaseDelay"] = "00:00:00.020",
            ["Channel:IdlePollInterval"] = "00:00:00.020",
            ["Channel:OutboxRetryBaseDelay"] = "00:00:00.050",
            ["Channel:OutboxRetryMaxDelay"] = "00:00:00.300",
            ["Channel:Partitions"] = "8",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ZaloBotFactory(database.ConnectionString, redis, all, time: time)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<IInboundEventHandler>(handler);
                fake.Attach(services);
            },
        };
    }
}
