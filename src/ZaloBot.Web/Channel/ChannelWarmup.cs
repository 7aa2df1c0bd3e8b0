using System.Text;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Channel;

/// <summary>
/// Pays the first-request costs at start-up rather than on Zalo's first webhook (which has 2 s): Redis round trip,
/// a PostgreSQL connection in the pool, the EF Core model, the signature and parser code paths. Best effort: a
/// failure is logged and the service starts anyway (readiness reports what is down). Bounded to 10 s.
/// </summary>
public sealed class ChannelWarmup(IServiceProvider services, ILogger<ChannelWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
}
