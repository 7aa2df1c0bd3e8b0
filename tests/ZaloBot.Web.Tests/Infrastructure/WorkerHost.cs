using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Inbound;
namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>A service host with workers, a recording handler and the shared fake Zalo, tuned for quick retries.</summary>
public static class WorkerHost
{
    public static ZaloBotFactory Create(
        TestDatabase database,
        FakeZaloServer fake,
        RecordingHandler handler,
        string redis,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Inbound:RetryBaseDelay"] = "00:00:00.020",
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Outbox:IdlePollInterval"] = "00:00:00.080",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
            ["Outbox:RetryMaxDelay"] = "00:00:00.300",
            ["Inbound:Partitions"] = "8",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ZaloBotFactory(database.ConnectionString, redis, all)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<IInboundEventHandler>(handler);
                fake.Attach(services);
            },
        };
    }
}
