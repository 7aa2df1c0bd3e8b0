using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// Delivers the outbox. Each round claims due Queued rows, Interactive before Notification, oldest first, and marks
/// them Sending with one claim token in the same statement (<c>FOR UPDATE SKIP LOCKED</c>, so instances never claim
/// the same row). A user with a row in flight is skipped; a user whose earlier row waits for a retry is skipped for
/// rows of the same or a lower priority only, so a notification held until morning or backing off never blocks the
/// citizen's later interactive replies. An advisory lock per user during the claim keeps two instances from claiming
/// one user's rows at once. Different users are sent in parallel.
/// <para>Claimed is not attempted: <see cref="OutboxSender"/> records the attempt (committed) just before the request.
/// Every claimed row the round did not attempt goes back to Queued at the end of the round; rows whose lease ran out
/// (a crash) are resolved by <see cref="ResolveStuckAsync"/>: never attempted → Queued; attempted → sent again when safe
/// to repeat, else held as "unknown — check" (docs/channel.md, "Delivery semantics").</para>
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes,
    OutboxWorkSignal signal,
    OutboxPacer pacer,
    WorkerHeartbeats heartbeats,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public const string Name = "outbox";

    /// <summary>Users sent to in parallel per round; Zalo allows 4,000 calls/min, the client's limiter enforces it.</summary>
    private const int Parallelism = 8;

    /// <summary>Interactive rounds in flight at once per instance (each with up to <see cref="Parallelism"/> users).</summary>
    private const int InteractiveRounds = 2;

    /// <summary>How often rows past their lease are looked for: adds at most 5 s to the 15 s claim and 45 s attempt leases.</summary>
    private static readonly TimeSpan StuckCheckEvery = TimeSpan.FromSeconds(5);

    private readonly OutboxOptions _options = options.Value;

    /// <summary>
    /// Users this instance is sending to right now. A user's rows are claimed only when none of them is Sending, but a
    /// claim whose snapshot predates another round's commit can still see that row Queued; such a user is left to the
    /// round already sending to it (the rows go back to the queue unattempted), so one user's replies never overlap.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _sendingTo = new(StringComparer.Ordinal);

    /// <summary>
    /// Two lanes, each claiming only its own priority: interactive replies never wait for a batch of notifications
    /// (paced by <see cref="OutboxPacer"/>, a batch of 50 can take seconds while citizens chat) to finish. The
    /// interactive lane runs <see cref="InteractiveRounds"/> rounds side by side, so a reply queued while a round's sends
    /// are in flight is claimed by the other round instead of waiting for the slowest send of the first; the stuck check
    /// has its own loop and never delays a round.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var lanes = Enumerable.Range(0, InteractiveRounds).Select(_ => RunLaneAsync(OutboundPriority.Interactive, stoppingToken))
                .Append(RunLaneAsync(OutboundPriority.Notification, stoppingToken))
                .Append(RunStuckCheckAsync(stoppingToken));
            await Task.WhenAll(lanes);
        }
        finally
        {
            heartbeats.Remove(Name);
        }
    }

    private async Task RunLaneAsync(OutboundPriority lane, CancellationToken stoppingToken)
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
                    claimed = await RunOnceAsync(lane, stoppingToken);
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
    }

    private async Task RunStuckCheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ResolveStuckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Outbox stuck check failed ({Error}); will retry", ex.GetType().Name);
                }

                await Task.Delay(StuckCheckEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Claims and sends one batch of either priority (Interactive first); returns how many rows were claimed.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(null, cancellationToken);

    /// <summary>Claims and sends one batch of <paramref name="lane"/> (null: both); returns how many rows were claimed.</summary>
    public async Task<int> RunOnceAsync(OutboundPriority? lane, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        List<OutboundMessage> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            rows = await ClaimAsync(scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>(), token, lane, cancellationToken);
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var byUser = rows.GroupBy(r => r.ZaloUserId).Select(g => g.OrderBy(r => r.Priority).ThenBy(r => r.Id).ToList());
        try
        {
            await Parallel.ForEachAsync(byUser, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (userRows, ct) =>
                {
                    var user = userRows[0].ZaloUserId;
                    if (!_sendingTo.TryAdd(user, 0))
                    {
                        return;
                    }

                    try
                    {
                        await SendUserRowsAsync(userRows, ct);
                    }
                    finally
                    {
                        _sendingTo.TryRemove(user, out _);
                    }
                });
        }
        finally
        {
            await ReleaseUnattemptedAsync(token);
        }

        return rows.Count;
    }

    /// <summary>One user's claimed rows, in order; stops at the first that is not finished (later ones are released).</summary>
    private async Task SendUserRowsAsync(List<OutboundMessage> userRows, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
        foreach (var row in userRows)
        {
            OutboxSendOutcome outcome;
            try
            {
                if (row.Priority == OutboundPriority.Notification)
                {
                    await pacer.WaitForNotificationAsync(ct);
                }
                else
                {
                    await pacer.TakeInteractiveAsync(ct);
                }

                outcome = await sender.SendAsync(row, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One row's failure (PostgreSQL gone before the attempt mark or while recording) is that
                // row's: not attempted → released below; attempted → the stuck rule. Other users go on.
                logger.LogWarning("Outbox row {Id} failed while sending ({Error}); later rows of its user re-queued", row.Id, ex.GetType().Name);
                return;
            }

            if (outcome != OutboxSendOutcome.Finished)
            {
                // Re-queued or not ours any more: the user's later rows wait for it (order), no attempt spent.
                return;
            }
        }
    }

    private async Task<List<OutboundMessage>> ClaimAsync(ZaloBotDbContext db, Guid token, OutboundPriority? lane, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimedUntil = now + _options.ClaimTimeout;
        var from = (int)(lane ?? OutboundPriority.Interactive);
        var to = (int)(lane ?? OutboundPriority.Notification);
        return await db.OutboundMessages.FromSqlInterpolated($"""
            UPDATE outbound_messages o
            SET state = {(int)OutboundState.Sending}, claim_token = {token}, attempted_at = NULL, next_attempt_at = {claimedUntil}
            WHERE o.id IN (
                SELECT c.id FROM (
                    SELECT m.id, m.zalo_user_id FROM outbound_messages m
                    WHERE m.state = {(int)OutboundState.Queued} AND m.next_attempt_at <= {now} AND m.priority BETWEEN {from} AND {to}
                      AND NOT EXISTS (
                          SELECT 1 FROM outbound_messages e
                          WHERE e.zalo_user_id = m.zalo_user_id AND e.id <> m.id
                            AND (e.state = {(int)OutboundState.Sending}
                                 OR (e.state = {(int)OutboundState.Queued} AND e.id < m.id AND e.priority <= m.priority
                                     AND e.next_attempt_at > {now})))
                    ORDER BY m.priority, m.id
                    LIMIT {_options.BatchSize}
                    FOR UPDATE OF m SKIP LOCKED) c
                -- Outside the LIMIT on purpose: inside, PostgreSQL took the lock for every queued row before limiting
                -- (10,000 advisory locks per claim with a broadcast queued: a 30 s claim, the interactive lane starved).
                WHERE pg_try_advisory_xact_lock(hashtext('outbox:' || c.zalo_user_id)))
            RETURNING o.*
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Back to Queued, no attempt spent, for the rows of this claim that were never attempted (a user's later rows
    /// after one was re-queued or threw, users not reached because of shutdown or an error). Not cancellable: it runs
    /// during shutdown too, one statement.
    /// </summary>
    private async Task ReleaseUnattemptedAsync(Guid token)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
            var now = time.GetUtcNow();
            await db.OutboundMessages
                .Where(m => m.ClaimToken == token && m.State == OutboundState.Sending && m.AttemptedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboundState.Queued)
                    .SetProperty(m => m.ClaimToken, (Guid?)null)
                    .SetProperty(m => m.NextAttemptAt, now), CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // PostgreSQL is away: the claim lease runs out and the stuck rule puts them back (never attempted → Queued).
            logger.LogWarning("Claimed outbox rows could not be re-queued yet ({Error}); the stuck rule will", ex.GetType().Name);
        }
    }

    /// <summary>
    /// Rows whose claim or attempt lease ran out while Sending (their worker died or lost PostgreSQL): never attempted →
    /// Queued, no attempt spent; attempted and safe to repeat (a bot reply) → Queued again, counted in
    /// <see cref="OutboundMessage.UnknownResends"/>; attempted otherwise → held as "unknown — check".
    /// </summary>
    public async Task ResolveStuckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var now = time.GetUtcNow();
        var stuck = db.OutboundMessages.Where(m => m.State == OutboundState.Sending && m.NextAttemptAt <= now);
        var unattempted = await stuck.Where(m => m.AttemptedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboundState.Queued)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        var max = _options.MaxAttempts;
        var resent = await stuck.Where(m => m.AttemptedAt != null && m.SafeToRepeat && m.Attempts < max).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboundState.Queued)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.AttemptedAt, (DateTimeOffset?)null)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.UnknownResends, m => m.UnknownResends + 1)
            .SetProperty(m => m.ErrorReason, "outcome unknown (interrupted mid-call); sent again (a bot reply, safe to repeat)"), cancellationToken);
        var held = await stuck.Where(m => m.AttemptedAt != null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboundState.Unknown)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ErrorReason, OutboxSender.UnknownReasonPrefix + " (interrupted mid-call: the process stopped or lost the database); held: check with the citizen, then resend"), cancellationToken);
        if (unattempted + resent + held > 0)
        {
            logger.LogWarning("Outbox rows past their lease: {Unattempted} never attempted re-queued, {Resent} bot replies sent again, {Held} held as unknown",
                unattempted, resent, held);
        }
    }
}
