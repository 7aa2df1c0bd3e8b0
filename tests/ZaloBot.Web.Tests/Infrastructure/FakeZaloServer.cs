using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using ZaloBot.Zalo.Fake;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// The library's fake Zalo OpenAPI on its own in-process server, shared by one or more service hosts (so two hosts
/// see one token grant). Also serves <c>/media/{bytes}</c>: a body of that many bytes, standing in for Zalo's CDN.
/// </summary>
public sealed class FakeZaloServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeZaloServer()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddFakeZaloApi();
        _app = builder.Build();
        _app.MapFakeZaloApi("/fake-zalo");
        _app.MapGet("/media/{size:int}", (int size) => Results.File(Jpeg(size), "image/jpeg"));
        _app.StartAsync().GetAwaiter().GetResult();
        State = _app.Services.GetRequiredService<FakeZaloState>();
        State.EnforceInteractionWindow = false;
    }

    public FakeZaloState State { get; }

    /// <summary>Sends every HttpClient of a service host (Zalo API, OAuth, media) to this fake.</summary>
    public void Attach(IServiceCollection services) =>
        InProcessHttp.RouteAllClients(services, () => _app.GetTestServer().CreateHandler());

    /// <summary>A body of <paramref name="size"/> bytes that starts like a JPEG (the fetcher sniffs the type), distinct per size.</summary>
    public static byte[] Jpeg(int size)
    {
        var bytes = new byte[size];
        byte[] header = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
        header.AsSpan(0, Math.Min(size, header.Length)).CopyTo(bytes);
        return bytes;
    }

    /// <summary>Issues a pair on the fake and stores it in the host (as an OA admin would).</summary>
    public async Task<ZaloTokenSet> AuthoriseAsync(IServiceProvider host, Func<ZaloTokenSet, ZaloTokenSet>? adjust = null)
    {
        var set = State.IssueTokens();
        if (adjust is not null)
        {
            set = adjust(set);
        }

        var store = host.GetRequiredService<IZaloTokenStore>();
        var current = await store.GetAsync(ZaloBotFactory.OaId, CancellationToken.None);
        Assert.That(await store.TryReplaceAsync(ZaloBotFactory.OaId, current?.RefreshToken, set, CancellationToken.None), Is.True);
        return set;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
