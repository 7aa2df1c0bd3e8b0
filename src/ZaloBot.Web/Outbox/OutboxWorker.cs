using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// Delivers the outbox. Each round claims due Queued rows, Interactive before Notification, oldest first, and marks
/// them Sending in the same statement (<c>FOR UPDATE SKIP LOCKED</c>, so instances never claim the same row). A user
/// whose earlier row is in flight or waiting for a retry is skipped, and an advisory lock per user during the claim
/// keeps two instances from claiming one user's rows at once: a citizen's replies go out one at a time, in order.
/// Different users are sent in parallel. Rows left in Sending past <see cref="OutboxOptions.SendingStuckAfter"/>
/// (crash mid-call) are marked Failed, not resent (see <see cref="OutboxSender"/> for the rule).
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes,
    OutboxWorkSignal signal,
    WorkerHeartbeats heartbeats,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public const string Name = "outbox";

    /// <summary>Users sent to in parallel per instance; Zalo allows 4,000 calls/min, the client's limiter enforces it.</summary>
    private const int Parallelism = 8;

    /// <summary>How often rows stuck in Sending are looked for; they are minutes old by definition, so 5 s is plenty.</summary>
    private static readonly TimeSpan StuckCheckEvery = TimeSpan.FromSeconds(5);

    private readonly OutboxOptions _options = options.Value;
    private long _lastStuckCheck;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                heartbeats.Beat(Name);
                var seen = signal.Version;
                var claimed = 0;
                try
                {
                    if (_lastStuckCheck == 0 || time.GetElapsedTime(_lastStuckCheck) >= StuckCheckEvery)
                    {
                        _lastStuckCheck = time.GetTimestamp();
                        await FailStuckAsync(stoppingToken);
                    }

                    claimed = await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Outbox round failed ({Error}); will retry", ex.GetType().Name);
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }

                if (claimed == 0)
                {
                    await signal.WaitAsync(seen, _options.IdlePollInterval, time, stoppingToken);
                }
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

    /// <summary>Claims and sends one batch; returns how many rows were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<OutboundMessage> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            rows = await ClaimAsync(scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>(), cancellationToken);
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var byUser = rows.GroupBy(r => r.ZaloUserId).Select(g => g.OrderBy(r => r.Priority).ThenBy(r => r.Id).ToList());
        await Parallel.ForEachAsync(byUser, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (userRows, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                for (var i = 0; i < userRows.Count; i++)
                {
                    if (!await sender.SendAsync(userRows[i], ct))
                    {
                        // Re-queued: the user's later rows wait for it (order), without spending an attempt.
                        await ReleaseAsync(scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>(), userRows.Skip(i + 1), ct);
                        return;
                    }
                }
            });
        return rows.Count;
    }

    private async Task<List<OutboundMessage>> ClaimAsync(ZaloBotDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stuckAt = now + _options.SendingStuckAfter;
        return await db.OutboundMessages.FromSqlInterpolated($"""
            UPDATE outbound_messages o
            SET state = {(int)OutboundState.Sending}, attempts = o.attempts + 1, next_attempt_at = {stuckAt}
            WHERE o.id IN (
                SELECT m.id FROM outbound_messages m
                WHERE m.state = {(int)OutboundState.Queued} AND m.next_attempt_at <= {now}
                  AND NOT EXISTS (
                      SELECT 1 FROM outbound_messages e
                      WHERE e.zalo_user_id = m.zalo_user_id AND e.id <> m.id
                        AND (e.state = {(int)OutboundState.Sending}
                             OR (e.state = {(int)OutboundState.Queued} AND e.id < m.id AND e.next_attempt_at > {now})))
                  AND pg_try_advisory_xact_lock(hashtext('outbox:' || m.zalo_user_id))
                ORDER BY m.priority, m.id
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING o.*
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    private static async Task ReleaseAsync(ZaloBotDbContext db, IEnumerable<OutboundMessage> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        await db.OutboundMessages.Where(m => ids.Contains(m.Id) && m.State == OutboundState.Sending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboundState.Queued)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.NextAttemptAt, m => m.CreatedAt), cancellationToken);
    }

    private async Task FailStuckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var now = time.GetUtcNow();
        var stuck = await db.OutboundMessages
            .Where(m => m.State == OutboundState.Sending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundState.Failed)
                .SetProperty(m => m.ErrorReason, "interrupted while sending (process stopped mid-call); not resent to avoid a duplicate"), cancellationToken);
        if (stuck > 0)
        {
            logger.LogWarning("{Count} outbox rows were stuck in Sending and are marked Failed", stuck);
        }
    }
}
