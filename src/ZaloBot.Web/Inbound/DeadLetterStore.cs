using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Dead letters are <see cref="InboxEvent"/> rows in state DeadLettered, with the raw body, attempts and last error.
/// Re-driving puts the body back on its user's stream (clearing the processed marker) and marks the row Forwarded.
/// </summary>
public sealed class DeadLetterStore(ZaloBotDbContext db, InboundQueue queue, TimeProvider time)
{
    /// <summary>
    /// Stores the event as a dead letter. Every value is cut to its column first (a user id longer than 64 characters
    /// used to fail this insert, so the event was retried for ever and blocked its partition); should the row still be
    /// refused for what it holds, a minimal one — key from the body's hash, no user, the body as a JSON string — is
    /// stored instead, so the event is always visible and re-drivable. PostgreSQL being down still throws (an outage).
    /// </summary>
    public async Task AddAsync(string dedupeKey, string? userId, string body, int attempts, Exception error, CancellationToken cancellationToken)
    {
        var eventName = ReadEventName(body);
        var lastError = Cut($"{error.GetType().Name}: {error.Message}", 2000);
        var user = userId is { Length: > 0 and <= 64 } ? userId : null;
        try
        {
            await InsertAsync(Cut(dedupeKey, 200), eventName, user, body, attempts, lastError, cancellationToken);
        }
        catch (Npgsql.PostgresException refused) when (!refused.IsTransient)
        {
            var key = "poison:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dedupeKey + "\n" + body)));
            var safeBody = System.Text.Json.JsonSerializer.Serialize(body.Replace("\0", "", StringComparison.Ordinal));
            await InsertAsync(key, "unknown", null, safeBody, attempts, Cut($"{lastError} (stored minimal: {refused.SqlState})", 2000), cancellationToken);
        }
    }

    private Task<int> InsertAsync(string key, string eventName, string? userId, string body, int attempts, string lastError, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inbox_events (dedupe_key, event_name, zalo_user_id, payload, received_at, state, attempts, last_error)
            VALUES ({key}, {eventName}, {userId}, {body}, {time.GetUtcNow()}, {(int)InboxEventState.DeadLettered}, {attempts}, {lastError})
            ON CONFLICT (dedupe_key) DO UPDATE SET state = excluded.state, attempts = inbox_events.attempts + excluded.attempts,
                last_error = excluded.last_error, payload = excluded.payload
            """, cancellationToken);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    public Task<List<InboxEvent>> ListAsync(int take, CancellationToken cancellationToken) =>
        db.InboxEvents.AsNoTracking().Where(e => e.State == InboxEventState.DeadLettered).OrderBy(e => e.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>False when there is no dead letter with that id.</summary>
    public async Task<bool> RedriveAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.InboxEvents.FirstOrDefaultAsync(e => e.Id == id && e.State == InboxEventState.DeadLettered, cancellationToken);
        if (row is null)
        {
            return false;
        }

        await queue.RedriveAsync(row.DedupeKey, row.ZaloUserId, row.Payload);
        row.State = InboxEventState.Forwarded;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string ReadEventName(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("event_name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String
                && name.GetString() is { Length: > 0 and <= 100 } s ? s : "unknown";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return "unknown";
        }
    }
}
