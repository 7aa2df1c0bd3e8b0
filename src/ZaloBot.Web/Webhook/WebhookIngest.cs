using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;
using ZaloBot.Web.Inbound;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Webhook;

/// <summary>
/// Makes a verified event durable: the Redis stream first (dedupe + XADD in one script); if Redis is unreachable or
/// slower than <see cref="InboundOptions.IngestRedisTimeout"/>, an <see cref="InboxEvent"/> row in PostgreSQL
/// (unique dedupe key) that <see cref="InboxForwarderWorker"/> moves to the stream later. If a timed-out Redis call
/// did land after all, the forwarder's SET NX sees the key and adds nothing: no double processing.
/// </summary>
public sealed class WebhookIngest(
    InboundQueue queue,
    IConnectionMultiplexer redis,
    NpgsqlDataSource postgres,
    IOptions<InboundOptions> options,
    TimeProvider time,
    ILogger<WebhookIngest> logger)
{
    private readonly TimeSpan _redisTimeout = options.Value.IngestRedisTimeout;

    public async Task<IngestOutcome> AcceptAsync(ZaloEvent evt, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                var added = await queue.EnqueueAsync(evt.DedupeKey, evt.UserId, evt.RawJson).WaitAsync(_redisTimeout, cancellationToken);
                return added ? IngestOutcome.Queued : IngestOutcome.Duplicate;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis enqueue failed ({Error}); storing event {EventName} in PostgreSQL", ex.GetType().Name, evt.EventName);
            }
        }

        try
        {
            await using var command = postgres.CreateCommand("""
                INSERT INTO inbox_events (dedupe_key, event_name, zalo_user_id, payload, received_at, state, attempts)
                VALUES ($1, $2, $3, $4, $5, 0, 0)
                ON CONFLICT (dedupe_key) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = Truncate(evt.DedupeKey, 200) });
            command.Parameters.Add(new NpgsqlParameter { Value = Truncate(evt.EventName, 100) });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)evt.UserId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = evt.RawJson });
            command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
            var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
            return inserted == 1 ? IngestOutcome.StoredInPostgres : IngestOutcome.Duplicate;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogError("Neither Redis nor PostgreSQL accepted event {EventName}: {Error}", evt.EventName, ex.GetType().Name);
            return IngestOutcome.Unavailable;
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
