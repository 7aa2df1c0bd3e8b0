using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Web.Inbound;

namespace ZaloBot.Web.Privacy;

/// <summary>
/// Deletes what <see cref="RetentionOptions"/> says is kept long enough, every <see cref="RetentionOptions.RunEvery"/>,
/// in batches; and honours withdrawn consent by erasing the contact data it covered (from tickets, and from the
/// citizen when no consent is left). Each statement is idempotent, so several instances may run it at once.
/// </summary>
public sealed class RetentionWorker(
    NpgsqlDataSource postgres,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    private readonly RetentionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var done = await RunOnceAsync(stoppingToken);
                if (done.Total > 0)
                {
                    logger.LogInformation(
                        "Retention: {Inbox} inbox payloads, {DeadLetters} dead letters, {Transcript} transcript lines, {Orphans} orphan files, {Markers} processed markers deleted; {Withdrawn} tickets' contact data erased",
                        done.InboxPayloads, done.DeadLetters, done.TranscriptLines, done.OrphanAttachments, done.ProcessedMarkers, done.WithdrawnContacts);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // PostgreSQL away: the next run catches up (nothing here is urgent to the minute).
                logger.LogWarning("Retention run skipped: {Error}", ex.GetType().Name);
            }

            await Task.Delay(_options.RunEvery, time, stoppingToken);
        }
    }

    /// <summary>One pass over every kind of data; returns how many rows each step touched.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inbox = await DeleteInBatchesAsync(
            $"DELETE FROM inbox_events WHERE id IN (SELECT id FROM inbox_events WHERE state = {(int)InboxEventState.Forwarded} AND received_at < $1 LIMIT $2)",
            now - _options.InboxPayloads, cancellationToken);
        var dead = await DeleteInBatchesAsync(
            $"DELETE FROM inbox_events WHERE id IN (SELECT id FROM inbox_events WHERE state = {(int)InboxEventState.DeadLettered} AND received_at < $1 LIMIT $2)",
            now - _options.DeadLetters, cancellationToken);
        var transcript = await DeleteInBatchesAsync(
            "DELETE FROM transcript WHERE id IN (SELECT id FROM transcript WHERE at < $1 LIMIT $2)",
            now - _options.Transcript, cancellationToken);
        var orphans = await DeleteInBatchesAsync(
            "DELETE FROM attachments WHERE id IN (SELECT id FROM attachments WHERE ticket_id IS NULL AND created_at < $1 LIMIT $2)",
            now - _options.OrphanAttachments, cancellationToken);
        var markers = await DeleteInBatchesAsync(
            "DELETE FROM processed_events WHERE key IN (SELECT key FROM processed_events WHERE processed_at < $1 LIMIT $2)",
            now - _options.ProcessedEvents, cancellationToken);

        await using var withdrawn = postgres.CreateCommand("""
            UPDATE tickets SET contact_name = NULL, contact_phone = NULL
            WHERE (contact_name IS NOT NULL OR contact_phone IS NOT NULL)
              AND (consent_record_id IS NULL
                   OR consent_record_id IN (SELECT id FROM consent_records WHERE withdrawn_at IS NOT NULL))
            """);
        var contacts = await withdrawn.ExecuteNonQueryAsync(cancellationToken);
        await using var citizens = postgres.CreateCommand("""
            UPDATE citizens c SET phone = NULL, address = NULL
            WHERE (c.phone IS NOT NULL OR c.address IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM consent_records r WHERE r.citizen_id = c.id AND r.withdrawn_at IS NULL)
            """);
        contacts += await citizens.ExecuteNonQueryAsync(cancellationToken);
        return new RetentionRun(inbox, dead, transcript, orphans, contacts, markers);
    }

    private async Task<int> DeleteInBatchesAsync(string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var command = postgres.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = before });
            command.Parameters.Add(new NpgsqlParameter { Value = _options.BatchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < _options.BatchSize)
            {
                return total;
            }
        }
    }
}
