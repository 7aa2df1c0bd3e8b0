using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZaloBot.Zalo.Fake;

namespace ZaloBot.Zalo.Tests.Support;

/// <summary>The fake Zalo API on Kestrel at 127.0.0.1 with a random port.</summary>
public sealed class FakeZaloHost : IAsyncDisposable
{
    public const string Prefix = "/fake-zalo";

    private readonly WebApplication _app;

    private FakeZaloHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = app.Services.GetRequiredService<FakeZaloState>();
    }

    /// <summary><c>http://127.0.0.1:PORT/fake-zalo/</c>: use for both OpenApiBaseUrl and OAuthBaseUrl.</summary>
    public Uri BaseUrl { get; }

    public FakeZaloState State { get; }

    public static async Task<FakeZaloHost> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddFakeZaloApi();
        var app = builder.Build();
        app.MapFakeZaloApi(Prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeZaloHost(app, new Uri(address.TrimEnd('/') + Prefix + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
