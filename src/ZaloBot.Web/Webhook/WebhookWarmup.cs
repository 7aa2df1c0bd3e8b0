using System.Text;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Webhook;

/// <summary>
/// Pays the first-request costs at start-up rather than on Zalo's first webhook (which has 2 s): Redis round trip,
/// a PostgreSQL connection in the pool, the EF Core model, the signature and parser code paths. Best effort: a
/// failure is logged and the service starts anyway (readiness reports what is down). Bounded to 10 s.
/// Once the server listens, one signed request for a foreign OA goes through the real endpoint (answered 404, nothing
/// enqueued), so routing, body reading, the MAC check and the parser are compiled before Zalo's first event.
/// </summary>
public sealed class WebhookWarmup(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    Microsoft.AspNetCore.Hosting.Server.IServer server,
    IOptions<ZaloWebhookOptions> webhook,
    ILogger<WebhookWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SelfRequestAsync());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            _ = services.GetRequiredService<WebhookIngest>();
            var body = Encoding.UTF8.GetBytes("""{"app_id":"0","event_name":"user_send_text","sender":{"id":"1"},"recipient":{"id":"2"},"message":{"msg_id":"warmup","text":"x"},"timestamp":"1"}""");
            services.GetRequiredService<ZaloSignatureVerifier>().Verify("mac=" + new string('0', 64), body);
            ZaloEventParser.Parse(body);
            await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
            await db.InboxEvents.AnyAsync(e => e.DedupeKey == "warmup", cts.Token);
            await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == "warmup", cts.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Channel warm-up incomplete ({Error}); first requests may be slower", ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SelfRequestAsync()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var baseUri))
        {
            return;
        }

        try
        {
            var body = Encoding.UTF8.GetBytes("""{"app_id":"warmup","event_name":"user_send_text","sender":{"id":"warmup"},"recipient":{"id":"warmup-oa"},"message":{"msg_id":"warmup","text":"warmup"},"timestamp":"1"}""");
            using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(webhook.Value.AppId, body, webhook.Value.OaSecretKey));
            using var response = await http.SendAsync(request);
            logger.LogDebug("Webhook warm-up request answered {Status}", (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogDebug("Webhook warm-up request failed ({Error})", ex.GetType().Name);
        }
    }
}
