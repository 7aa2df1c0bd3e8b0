using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Consumes the partitioned inbound streams. Each partition has one owner at a time across all processes, held by a
/// Redis lease (<see cref="PartitionLeases"/>, renewed every third of <see cref="InboundOptions.LeaseDuration"/>): a user's events
/// all hash to one partition, so they are handled one at a time and in stream order; partitions run in parallel.
/// Live instances register in a sorted set and each takes about partitions / instances, releasing the surplus when
/// another instance joins. A new owner first takes over whatever the previous one left unacknowledged
/// (<c>XAUTOCLAIM</c> with no idle minimum: the lease proves the old owner is gone), then reads its own pending
/// entries, then new ones. No blocking reads: idle partitions poll every <see cref="InboundOptions.IdlePollInterval"/>
/// or wake at once when this process enqueued something.
/// </summary>
public sealed class InboundWorker(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    InboundPartitions partitions,
    PartitionLeases leases,
    IServiceScopeFactory scopes,
    InboundWorkSignal signal,
    IOptions<InboundOptions> options,
    WorkerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<InboundWorker> logger) : BackgroundService
{
    public const string Name = "inbound";

    /// <summary>How often an idle owner looks for entries stuck in other consumers' pending lists (a safety net).</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);

    private readonly InboundOptions _options = options.Value;
    private readonly Dictionary<int, Ownership> _owned = [];

    /// <summary>Consumer name in the group and the lease token: unique per worker instance.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Partitions this instance owns now (for tests and diagnostics).</summary>
    public IReadOnlyCollection<int> OwnedPartitions
    {
        get
        {
            lock (_owned)
            {
                return [.. _owned.Keys];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renewEvery = _options.LeaseDuration / 3;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                heartbeats.Beat(Name);
                try
                {
                    await BalanceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    logger.LogWarning("Inbound worker cannot reach Redis ({Error}); retrying", ex.GetType().Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A worker must outlive any error: an exception escaping ExecuteAsync stops the whole host.
                    logger.LogError(ex, "Inbound worker balancing failed; retrying");
                }

                await Task.Delay(renewEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAllAsync();
        }
    }

    private async Task BalanceAsync(CancellationToken stoppingToken)
    {
        var share = await leases.HeartbeatAsync(InstanceId);
        foreach (var (partition, owned) in Snapshot())
        {
            var renewedUntil = owned.Task.IsCompleted ? null : await leases.RenewAsync(partition, InstanceId);
            if (renewedUntil is { } until)
            {
                owned.ValidUntil = until;
            }
            else
            {
                await StopAsync(partition, owned);
            }
        }

        var surplus = Snapshot().Skip(share).ToList();
        foreach (var (partition, owned) in surplus)
        {
            await StopAsync(partition, owned);
        }

        var order = Enumerable.Range(0, partitions.Count).ToArray();
        Random.Shared.Shuffle(order);
        foreach (var partition in order)
        {
            if (Snapshot().Count >= share)
            {
                break;
            }

            bool mine;
            lock (_owned)
            {
                mine = _owned.ContainsKey(partition);
            }

            if (mine || await leases.TryAcquireAsync(partition, InstanceId) is not { } validUntil)
            {
                continue;
            }

            var ownership = new Ownership(CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                ValidUntil = validUntil,
            };
            ownership.Task = Task.Run(() => RunPartitionAsync(partition, ownership), CancellationToken.None);
            lock (_owned)
            {
                _owned[partition] = ownership;
            }

            logger.LogInformation("Worker {Instance} took partition {Partition}", InstanceId, partition);
        }
    }

    private List<KeyValuePair<int, Ownership>> Snapshot()
    {
        lock (_owned)
        {
            return [.. _owned.OrderBy(o => o.Key)];
        }
    }

    private async Task StopAsync(int partition, Ownership owned)
    {
        await owned.Cancellation.CancelAsync();
        try
        {
            await owned.Task;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Partition {Partition} loop ended with {Error}", partition, ex.GetType().Name);
        }

        lock (_owned)
        {
            _owned.Remove(partition);
        }

        owned.Cancellation.Dispose();
        await leases.ReleaseAsync(partition, InstanceId);
    }

    private async Task StopAllAsync()
    {
        foreach (var (partition, owned) in Snapshot())
        {
            await StopAsync(partition, owned);
        }

        await leases.LeaveAsync(InstanceId);
        heartbeats.Remove(Name);
    }

    private async Task RunPartitionAsync(int partition, Ownership owned)
    {
        var ct = owned.Cancellation.Token;
        var stream = keys.Stream(partition);
        while (!ct.IsCancellationRequested && owned.IsValid(time.GetUtcNow()))
        {
            try
            {
                await EnsureGroupAsync(stream);
                await ClaimAbandonedAsync(stream, minIdleMs: 0);
                await ConsumeAsync(partition, owned, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Redis blips and bugs alike: pause, then start again from our pending entries (nothing is lost).
                logger.LogWarning("Partition {Partition} consumer failed ({Error}); restarting", partition, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            }
        }
    }

    private async Task ConsumeAsync(int partition, Ownership owned, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var stream = keys.Stream(partition);
        RedisValue position = "0";
        var lastSweep = time.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            // Fence before every read too: a read moves entries into our pending list, and only a read made while the
            // lease surely holds is guaranteed to be seen by the next owner's XAUTOCLAIM.
            if (!owned.IsValid(time.GetUtcNow()))
            {
                return;
            }

            var seen = signal.Version;
            var entries = await db.StreamReadGroupAsync(stream, RedisKeys.ConsumerGroup, InstanceId, position, count: 20);
            if (entries.Length == 0)
            {
                if (position == "0")
                {
                    position = StreamPosition.NewMessages;
                    continue;
                }

                if (time.GetElapsedTime(lastSweep) > SweepEvery)
                {
                    // Safety net: anything stuck in another consumer's pending list for 3 leases is ours to finish.
                    lastSweep = time.GetTimestamp();
                    await ClaimAbandonedAsync(stream, (long)(_options.LeaseDuration * 3).TotalMilliseconds);
                    position = "0";
                    continue;
                }

                await signal.WaitAsync(seen, _options.IdlePollInterval, time, ct);
                continue;
            }

            for (var next = 0; next < entries.Length;)
            {
                var group = DistinctUsers(entries, next);
                next += group.Count;
                // Lease not renewed in time: stop before the next event; a new owner takes what is pending.
                if (!owned.IsValid(time.GetUtcNow()))
                {
                    return;
                }

                var done = group.Count > 1 ? await CommitGroupAsync(db, partition, group, ct) : new HashSet<string>();
                foreach (var entry in group)
                {
                    if (done.Contains((string?)entry[InboundQueue.KeyField] ?? ""))
                    {
                        continue;
                    }

                    if (!owned.IsValid(time.GetUtcNow()) || !await ProcessEntryAsync(partition, entry, owned, ct))
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>The entries from <paramref name="start"/> up to the first one whose user is already among them (at least one).</summary>
    private static List<StreamEntry> DistinctUsers(StreamEntry[] entries, int start)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        var group = new List<StreamEntry>();
        for (var i = start; i < entries.Length && users.Add((string?)entries[i][InboundQueue.UserField] ?? ""); i++)
        {
            group.Add(entries[i]);
        }

        return group;
    }

    /// <summary>
    /// A backlog read holds events of several users: their plain text turns are committed in one transaction
    /// (<see cref="InboundProcessor.ProcessGroupAsync"/>) and acknowledged together; the keys done. Anything else, and
    /// the whole group when it fails (a conflict, a bad event, PostgreSQL down), goes one by one through
    /// <see cref="ProcessEntryAsync"/> with its own retries and dead letter: one failing turn never fails the others.
    /// </summary>
    private async Task<IReadOnlySet<string>> CommitGroupAsync(IDatabase db, int partition, List<StreamEntry> group, CancellationToken ct)
    {
        var entries = group
            .Select(e => (Key: (string?)e[InboundQueue.KeyField], Body: (string?)e[InboundQueue.BodyField], e.Id))
            .Where(e => !string.IsNullOrEmpty(e.Key) && e.Body is not null)
            .ToList();
        IReadOnlySet<string> done;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            done = await scope.ServiceProvider.GetRequiredService<InboundProcessor>()
                .ProcessGroupAsync([.. entries.Select(e => (e.Key!, e.Body!))], ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogDebug("Group commit of {Count} events on partition {Partition} failed ({Error}); one by one", entries.Count, partition, ex.GetType().Name);
            return new HashSet<string>();
        }

        if (done.Count > 0)
        {
            // A Redis failure here restarts the partition from its pending entries: the markers make the replays no-ops.
            var acked = entries.Where(e => done.Contains(e.Key!)).ToList();
            var stream = keys.Stream(partition);
            var ids = acked.Select(e => e.Id).ToArray();
            var tx = db.CreateTransaction();
            _ = tx.StreamAcknowledgeAsync(stream, RedisKeys.ConsumerGroup, ids);
            _ = tx.StreamDeleteAsync(stream, ids);
            _ = tx.HashDeleteAsync(keys.Attempts(partition), [.. acked.Select(e => (RedisValue)e.Key)]);
            await tx.ExecuteAsync();
        }

        return done;
    }

    /// <summary>Processes one entry, retrying in place so later events of the user wait. False: stop consuming (lease lost).</summary>
    private async Task<bool> ProcessEntryAsync(int partition, StreamEntry entry, Ownership owned, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var key = (string?)entry[InboundQueue.KeyField];
        var body = (string?)entry[InboundQueue.BodyField];
        var user = (string?)entry[InboundQueue.UserField];
        if (string.IsNullOrEmpty(key) || body is null)
        {
            await AckAsync(db, partition, entry.Id, key);
            return true;
        }

        var outageRetries = 0;
        while (true)
        {
            Exception failure;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<InboundProcessor>().ProcessAsync(key, body, ct);
                await AckAsync(db, partition, entry.Id, key);
                return true;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not RedisException)
            {
                failure = ex;
            }

            if (IsOutage(failure))
            {
                // PostgreSQL or the network is down: not the event's fault, so no attempt is spent (an outage must
                // not dead-letter good events). Wait and try again, keeping the user's order.
                outageRetries++;
                PersonalDataLog.InboundWaitsForDatabase(logger, key, failure.GetType().Name);
                await Task.Delay(Backoff(outageRetries), time, ct);
            }
            else
            {
                var attempts = (int)await db.HashIncrementAsync(keys.Attempts(partition), key);
                if (attempts >= _options.MaxAttempts && await TryDeadLetterAsync(key, user, body, attempts, failure, ct))
                {
                    await AckAsync(db, partition, entry.Id, key);
                    PersonalDataLog.InboundDeadLettered(logger, key, attempts, failure.GetType().Name);
                    return true;
                }

                PersonalDataLog.InboundFailed(logger, key, attempts, _options.MaxAttempts, failure.GetType().Name);
                await Task.Delay(Backoff(attempts), time, ct);
            }

            if (!owned.IsValid(time.GetUtcNow()))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Writes the dead letter; false when PostgreSQL is down (the event stays unacked and is retried after a pause, like
    /// any outage). Any other failure of the write is logged and counts as written: the store already fell back to a
    /// minimal row, and an event whose dead letter cannot be stored at all must not stop its partition.
    /// </summary>
    private async Task<bool> TryDeadLetterAsync(string key, string? user, string body, int attempts, Exception failure, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadLetterStore>().AddAsync(key, user, body, attempts, failure, ct);
            return true;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            PersonalDataLog.DeadLetterWaits(logger, key, ex.GetType().Name);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            PersonalDataLog.DeadLetterDropped(logger, ex, key);
            return true;
        }
    }

    /// <summary>Retry delay: <see cref="InboundOptions.RetryBaseDelay"/> doubling per attempt, capped at 5 s.</summary>
    private TimeSpan Backoff(int attempt) => RetryBackoff.Delay(_options.RetryBaseDelay, attempt, TimeSpan.FromSeconds(5));

    /// <summary>
    /// PostgreSQL unreachable or timing out (anywhere in the exception chain), as opposed to a bad event. Only
    /// PostgreSQL's own transient failures count: a socket error from elsewhere (a media host resetting the connection,
    /// say) used to count too, so such an event was retried for ever without spending an attempt and blocked its partition.
    /// </summary>
    private static bool IsOutage(Exception failure)
    {
        for (var ex = failure; ex is not null; ex = ex.InnerException)
        {
            if (ex is Npgsql.NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private async Task AckAsync(IDatabase db, int partition, RedisValue id, string? key)
    {
        var stream = keys.Stream(partition);
        // Acked entries are deleted: the stream holds only unprocessed events, so it never needs trimming
        // (MAXLEN trimming could drop unprocessed events during a long outage).
        var tx = db.CreateTransaction();
        _ = tx.StreamAcknowledgeAsync(stream, RedisKeys.ConsumerGroup, id);
        _ = tx.StreamDeleteAsync(stream, [id]);
        if (key is not null)
        {
            _ = tx.HashDeleteAsync(keys.Attempts(partition), key);
        }

        await tx.ExecuteAsync();
    }

    private async Task EnsureGroupAsync(RedisKey stream)
    {
        try
        {
            // From "0": events added before the group existed are not skipped.
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(stream, RedisKeys.ConsumerGroup, "0", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    private async Task ClaimAbandonedAsync(RedisKey stream, long minIdleMs)
    {
        var db = redis.GetDatabase();
        RedisValue start = "0-0";
        do
        {
            var result = await db.StreamAutoClaimIdsOnlyAsync(stream, RedisKeys.ConsumerGroup, InstanceId, minIdleMs, start, 100);
            if (result.ClaimedIds.Length > 0)
            {
                logger.LogInformation("Took over {Count} pending events on {Stream}", result.ClaimedIds.Length, (string?)stream);
            }

            start = result.NextStartId;
        }
        while (start != "0-0");

        // Every process start adds a consumer name to the group; forget the ones with nothing pending so XINFO stays
        // readable (a consumer that reads again is re-created by Redis).
        foreach (var consumer in await db.StreamConsumerInfoAsync(stream, RedisKeys.ConsumerGroup))
        {
            if (consumer.PendingMessageCount == 0 && consumer.Name != InstanceId)
            {
                await db.StreamDeleteConsumerAsync(stream, RedisKeys.ConsumerGroup, consumer.Name);
            }
        }
    }

    private sealed class Ownership(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Task { get; set; } = Task.CompletedTask;

        /// <summary>Local fence: the lease surely still holds before this time (measured from before the Redis call).</summary>
        public DateTimeOffset ValidUntil { get; set; }

        public bool IsValid(DateTimeOffset now) => now < ValidUntil - TimeSpan.FromMilliseconds(200);
    }
}
