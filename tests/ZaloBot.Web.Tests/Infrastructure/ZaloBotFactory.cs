using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// The real service (the same composition root as Program.cs) on an in-process test server, pointed at a
/// test database and a per-test Redis key prefix. Settings are in place before the host reads them.
/// </summary>
public sealed class ZaloBotFactory : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private WebApplication? _app;

    private readonly Action<WebApplicationBuilder>? _configure;

    public ZaloBotFactory(string postgres, string redis, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        _configure = configure;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:Redis"] = redis,
            ["Redis:KeyPrefix"] = RedisKeyPrefix,
            // Tests assert on behaviour, not on log output; errors they provoke on purpose would drown the summary.
            ["Logging:LogLevel:Default"] = "Critical",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string RedisKeyPrefix { get; } = "test:" + Guid.NewGuid().ToString("N")[..10] + ":";

    public IServiceProvider Services => Start().Services;

    public WebApplication Start()
    {
        if (_app is not null)
        {
            return _app;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.WebHost.UseTestServer();
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
