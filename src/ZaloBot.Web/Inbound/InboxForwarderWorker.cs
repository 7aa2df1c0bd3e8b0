using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Moves events the webhook stored in PostgreSQL while Redis was down (InboxEvent Pending) onto the streams once
/// Redis is back, oldest first, through the same dedupe script (an event that reached Redis too is not added twice).
/// Checks every second: a backlog from an outage drains within a second or two of Redis returning.
/// </summary>
public sealed class InboxForwarderWorker(
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    WorkerHeartbeats heartbeats,
    TimeProvider time,
    IOptions<InboundOptions> options,
    ILogger<InboxForwarderWorker> logger) : BackgroundService
{
    public const string Name = "inbox-forwarder";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                heartbeats.Beat(Name);
                try
                {
                    if (redis.IsConnected)
                    {
                        await ForwardPendingAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Forwarding PostgreSQL inbox to Redis failed ({Error}); will retry", ex.GetType().Name);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            heartbeats.Remove(Name);
        }
    }

    /// <summary>Forwards up to one batch per round; returns how many rows were handled.</summary>
    public async Task<int> ForwardPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<InboundQueue>();
        var rows = await db.InboxEvents.Where(e => e.State == InboxEventState.Pending).OrderBy(e => e.Id)
            .Take(options.Value.ForwardBatchSize).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            await queue.EnqueueAsync(row.DedupeKey, row.ZaloUserId, row.Payload);
            row.State = InboxEventState.Forwarded;
            await db.SaveChangesAsync(cancellationToken);
        }

        if (rows.Count > 0)
        {
            logger.LogInformation("Forwarded {Count} events from the PostgreSQL inbox to Redis", rows.Count);
        }

        return rows.Count;
    }
}
