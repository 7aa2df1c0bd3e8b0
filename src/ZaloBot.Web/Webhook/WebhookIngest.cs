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

    /// <summary>
    /// Why a verified event cannot go through processing, or null when it can. Ids are bounded by the columns they
    /// land in (a citizen's id is <c>varchar(64)</c>; Zalo's are 16–19 digits): such an event would fail every write,
    /// dead letter included, so it is kept raw at the edge instead.
    /// </summary>
    public static string? OddShape(ZaloEvent evt) => evt switch
    {
        { UserId.Length: > 64 } => "user id longer than 64 characters",
        { DedupeKey.Length: > 200 } => "message id longer than 200 characters",
        _ => null,
    };

    /// <summary>Stores a verified event of an odd shape raw, for a person to look at; it is not processed.</summary>
    public async Task<IngestOutcome> KeepRawAsync(ZaloEvent evt, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Event {EventName} kept raw, not processed: {Reason}", Truncate(evt.EventName, 100), reason);
        try
        {
            // The key of an odd event is a hash of its body: its own ids are what is odd, and a redelivery is the same body.
            var key = "raw:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(evt.RawJson)));
            await using var command = postgres.CreateCommand("""
                INSERT INTO inbox_events (dedupe_key, event_name, zalo_user_id, payload, received_at, state, attempts, last_error, processed_at)
                VALUES ($1, $2, NULL, $3, $4, $5, 0, $6, $4)
                ON CONFLICT (dedupe_key) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            command.Parameters.Add(new NpgsqlParameter { Value = Truncate(evt.EventName.Length > 0 ? evt.EventName : "unknown", 100) });
            command.Parameters.Add(new NpgsqlParameter { Value = evt.RawJson });
            command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
            command.Parameters.Add(new NpgsqlParameter { Value = (int)InboxEventState.Forwarded });
            command.Parameters.Add(new NpgsqlParameter { Value = "kept raw: " + reason });
            var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
            return inserted == 1 ? IngestOutcome.StoredInPostgres : IngestOutcome.Duplicate;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogError("PostgreSQL did not accept raw event {EventName}: {Error}", Truncate(evt.EventName, 100), ex.GetType().Name);
            return IngestOutcome.Unavailable;
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
