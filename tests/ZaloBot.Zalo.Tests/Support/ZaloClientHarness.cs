using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Support;

/// <summary>The library wired as the web host will wire it (AddZaloChannel), pointed at a <see cref="FakeZaloHost"/>.</summary>
public sealed class ZaloClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ZaloClientHarness(ServiceProvider services, InMemoryTokenStore store, InMemoryDistributedLock distributedLock)
    {
        _services = services;
        Store = store;
        Lock = distributedLock;
    }

    public InMemoryTokenStore Store { get; }

    public InMemoryDistributedLock Lock { get; }

    public IServiceProvider Services => _services;

    public ZaloOaClient Client => _services.GetRequiredService<ZaloOaClient>();

    public ZaloAccessTokenProvider Tokens => _services.GetRequiredService<ZaloAccessTokenProvider>();

    /// <summary>Fast test defaults: tiny backoff, short timeouts; override any key.</summary>
    public static ZaloClientHarness Create(
        FakeZaloHost fake,
        IDictionary<string, string?>? overrides = null,
        TimeProvider? time = null,
        InMemoryTokenStore? store = null,
        InMemoryDistributedLock? distributedLock = null,
        bool seedTokens = true,
        ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zalo:Api:OpenApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["Zalo:Api:OAuthBaseUrl"] = fake.BaseUrl.ToString(),
            ["Zalo:Webhook:AppId"] = fake.State.Options.AppId,
            ["Zalo:Webhook:OaSecretKey"] = "oa-secret",
            ["Zalo:Tokens:OaId"] = fake.State.Options.OaId,
            ["Zalo:Tokens:AppId"] = fake.State.Options.AppId,
            ["Zalo:Tokens:AppSecret"] = fake.State.Options.AppSecret,
            ["Zalo:Resilience:AttemptTimeout"] = "00:00:02",
            ["Zalo:Resilience:TotalTimeout"] = "00:00:10",
            ["Zalo:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Zalo:Resilience:MaxRetryAttempts"] = "2",
            ["Zalo:Resilience:CircuitMinimumThroughput"] = "100",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        store ??= new InMemoryTokenStore();
        distributedLock ??= new InMemoryDistributedLock();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<IZaloTokenStore>(store);
        services.AddSingleton<IZaloDistributedLock>(distributedLock);
        services.AddZaloChannel(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        if (seedTokens)
        {
            store.Seed(fake.State.Options.OaId, fake.State.IssueTokens());
        }

        return new ZaloClientHarness(provider, store, distributedLock);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
