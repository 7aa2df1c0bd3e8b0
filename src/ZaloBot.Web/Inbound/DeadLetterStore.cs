using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Dead letters are <see cref="InboxEvent"/> rows in state DeadLettered, with the raw body, attempts and last error.
/// Re-driving puts the body back on its user's stream (clearing the processed marker) and marks the row Forwarded.
/// </summary>
public sealed class DeadLetterStore(ZaloBotDbContext db, InboundQueue queue, TimeProvider time)
{
    public async Task AddAsync(string dedupeKey, string? userId, string body, int attempts, Exception error, CancellationToken cancellationToken)
    {
        var eventName = ReadEventName(body);
        var lastError = $"{error.GetType().Name}: {error.Message}";
        lastError = lastError.Length <= 2000 ? lastError : lastError[..2000];
        var key = dedupeKey.Length <= 200 ? dedupeKey : dedupeKey[..200];
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inbox_events (dedupe_key, event_name, zalo_user_id, payload, received_at, state, attempts, last_error)
            VALUES ({key}, {eventName}, {userId}, {body}, {time.GetUtcNow()}, {(int)InboxEventState.DeadLettered}, {attempts}, {lastError})
            ON CONFLICT (dedupe_key) DO UPDATE SET state = excluded.state, attempts = inbox_events.attempts + excluded.attempts,
                last_error = excluded.last_error, payload = excluded.payload
            """, cancellationToken);
    }

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
            return doc.RootElement.TryGetProperty("event_name", out var name) && name.GetString() is { Length: > 0 and <= 100 } s ? s : "unknown";
        }
        catch (System.Text.Json.JsonException)
        {
            return "unknown";
        }
    }
}
