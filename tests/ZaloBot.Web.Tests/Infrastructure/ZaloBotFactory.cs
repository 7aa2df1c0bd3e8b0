using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// The real service (the same composition root as Program.cs) on an in-process test server, pointed at a
/// test database and a per-test Redis key prefix. Settings are in place before the host reads them.
/// With <c>realServer</c> it listens on a free loopback port with Kestrel instead (for a browser or a cookie-handling
/// HttpClient); <see cref="BaseAddress"/> is then its address. A given <c>time</c> replaces the system clock.
/// </summary>
public sealed class ZaloBotFactory : IAsyncDisposable
{
    /// <summary>The test OA (the fake Zalo's default ids) and the webhook secret every test signs with.</summary>
    public const string OaId = "2000000000000000002";
    public const string AppId = "1000000000000000001";
    public const string OaSecretKey = "test-oa-secret";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _realServer;
    private readonly TimeProvider? _time;
    private WebApplication? _app;

    private readonly Action<WebApplicationBuilder>? _configure;

    public ZaloBotFactory(
        string postgres,
        string redis,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        bool realServer = false,
        TimeProvider? time = null)
    {
        _configure = configure;
        _realServer = realServer;
        _time = time;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:Redis"] = redis,
            ["Redis:KeyPrefix"] = RedisKeyPrefix,
            // Tests assert on behaviour, not on log output; errors they provoke on purpose would drown the summary.
            ["Logging:LogLevel:Default"] = "Critical",
            ["Webhook:OaId"] = OaId,
            ["Zalo:Webhook:AppId"] = AppId,
            ["Zalo:Webhook:OaSecretKey"] = OaSecretKey,
            ["Zalo:Tokens:OaId"] = OaId,
            ["Zalo:Tokens:AppId"] = AppId,
            ["Zalo:Tokens:AppSecret"] = "fake-app-secret",
            ["Zalo:Api:OpenApiBaseUrl"] = "http://fake-zalo.test/fake-zalo/",
            ["Zalo:Api:OAuthBaseUrl"] = "http://fake-zalo.test/fake-zalo/",
            // The fake Zalo's CDN (FakeZaloServer /media) and Zalo's own hosts.
            ["Media:AllowedHosts:0"] = "*.zdn.vn",
            ["Media:AllowedHosts:1"] = "cdn.test",
            // Console tests sign in dozens of times from 127.0.0.1; the limits themselves are tested at their defaults
            // (ConsoleHardeningTests).
            ["Console:SignIn:PerAddress"] = "10000",
            ["Console:SignIn:PerAccount"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (_settings.TryGetValue("Redis:KeyPrefix", out var prefix) && prefix is not null)
        {
            RedisKeyPrefix = prefix;
        }
    }

    /// <summary>The settings the service is started with (the command host tests start their host with the same).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public string RedisKeyPrefix { get; } = "test:" + Guid.NewGuid().ToString("N")[..10] + ":";

    /// <summary>Environment name; "Testing" by default ("Development" maps the simulator).</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Runs before the composition root, so registrations here win over its TryAdd defaults.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public TestServer Server => Start().GetTestServer();

    public IServiceProvider Services => Start().Services;

    /// <summary>The Kestrel address ("http://127.0.0.1:port") when started with <c>realServer</c>.</summary>
    public Uri BaseAddress => new(Start().Urls.First());

    public WebApplication Start()
    {
        if (_app is not null)
        {
            return _app;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = EnvironmentName,
            // The Razor Pages are found through the application's assembly (the test host is the entry assembly here).
            ApplicationName = typeof(ZaloBotHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        if (_time is not null)
        {
            builder.Services.AddSingleton(_time);
        }

        if (_realServer)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        ConfigureServices?.Invoke(builder.Services);
        var app = ZaloBotHost.Build(builder, _configure);
        app.StartAsync().GetAwaiter().GetResult();
        _app = app;
        return app;
    }

    public HttpClient CreateClient() => Start().GetTestClient();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
