using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Conversations;

/// <summary>The whole service with the real dialog handler, seeded content, an authorised OA and the fake Zalo API.</summary>
public sealed class PipelineWorld : IAsyncDisposable
{
    private PipelineWorld(TestDatabase database, FakeZaloServer fake, ZaloBotFactory host)
    {
        Database = database;
        Fake = fake;
        Host = host;
        Client = host.CreateClient();
    }

    public TestDatabase Database { get; }

    public FakeZaloServer Fake { get; }

    public ZaloBotFactory Host { get; }

    public HttpClient Client { get; }

    public static async Task<PipelineWorld> StartAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var fake = new FakeZaloServer();
        var host = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Outbox:IdlePollInterval"] = "00:00:00.080",
            ["Inbound:RetryBaseDelay"] = "00:00:00.020",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
        })
        {
            ConfigureServices = fake.Attach,
        };
        var world = new PipelineWorld(database, fake, host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        await host.Services.GetRequiredService<LiveRecognizer>().RebuildAsync(CancellationToken.None);
        await fake.AuthoriseAsync(host.Services);
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
        await Database.DisposeAsync();
    }
}
