using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The rows one turn writes besides its effects: transcript lines, outbox rows, its processed marker and its state
/// (a new row, or the stored one with its <c>xmin</c> and the new text). Built once by the committer; a turn alone
/// saves them through EF (<see cref="AddTo"/>), a group of turns writes all of theirs in one round trip
/// (<see cref="WriteGroupAsync"/>).
/// </summary>
public sealed record TurnRows(
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyList<OutboundMessage> Outbox,
    ProcessedEvent Marker,
    ConversationStateRow? NewState,
    (ConversationStateRow Stored, string State, DateTimeOffset At)? ChangedState)
{
    /// <summary>Adds the rows to the DbContext (the stored state row must be tracked by it): saved by the caller.</summary>
    public void AddTo(ZaloBotDbContext db)
    {
        db.Transcript.AddRange(Transcript);
        db.OutboundMessages.AddRange(Outbox);
        db.ProcessedEvents.Add(Marker);
        if (NewState is { } added)
        {
            db.ConversationStates.Add(added);
        }

        if (ChangedState is var (stored, state, at))
        {
            // UPDATE … WHERE xmin = the version read: zero rows (another turn saved) throws DbUpdateConcurrencyException.
            stored.State = state;
            stored.UpdatedAt = at;
        }
    }

    /// <summary>
    /// Writes the rows of several turns inside the DbContext's current transaction: one multi-row statement per table
    /// over <c>unnest</c> arrays, in the order the turns produced them (the outbox sends a citizen's
    /// rows in id order). EF would send one INSERT per row and track every entity: under a backlog that was most of a
    /// group's CPU (docs/performance.md "Turns"). A state saved by someone else since it was read (its <c>xmin</c>
    /// moved) or a state row inserted meanwhile fails the whole group, like EF's concurrency check: the caller then
    /// commits each turn alone.
    /// </summary>
    public static async Task WriteGroupAsync(ZaloBotDbContext db, IReadOnlyList<TurnRows> turns, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A group is written inside a transaction.");
        }

        var lines = turns.SelectMany(t => t.Transcript).ToList();
        await ExecuteAsync(db, """
            INSERT INTO transcript (zalo_user_id, direction, text, at, source_id)
            SELECT u, d, t, a, s FROM unnest(@p0::text[], @p1::int[], @p2::text[], @p3::timestamptz[], @p4::text[]) WITH ORDINALITY AS x(u, d, t, a, s, n)
            ORDER BY n
            """,
            [Array(lines.Select(l => l.ZaloUserId)), Array(lines.Select(l => (int)l.Direction)), Array(lines.Select(l => l.Text)),
            Array(lines.Select(l => l.At)), Array(lines.Select(l => l.SourceId))], cancellationToken);

        var outbox = turns.SelectMany(t => t.Outbox).ToList();
        if (outbox.Count > 0)
        {
            await ExecuteAsync(db, """
                INSERT INTO outbound_messages (zalo_user_id, priority, payload, state, attempts, next_attempt_at, idempotency_key, ticket_id,
                                               created_at, safe_to_repeat, unknown_resends)
                SELECT u, p, j::jsonb, st, 0, na, k, NULL, ca, r, 0
                FROM unnest(@p0::text[], @p1::int[], @p2::text[], @p3::int[], @p4::timestamptz[], @p5::text[], @p6::timestamptz[], @p7::boolean[])
                     WITH ORDINALITY AS x(u, p, j, st, na, k, ca, r, n)
                ORDER BY n
                """,
                [Array(outbox.Select(o => o.ZaloUserId)), Array(outbox.Select(o => (int)o.Priority)), Array(outbox.Select(o => o.Payload)),
                Array(outbox.Select(o => (int)o.State)), Array(outbox.Select(o => o.NextAttemptAt)), Array(outbox.Select(o => o.IdempotencyKey)),
                Array(outbox.Select(o => o.CreatedAt)), Array(outbox.Select(o => o.SafeToRepeat))], cancellationToken);
        }

        await ExecuteAsync(db,
            "INSERT INTO processed_events (key, processed_at) SELECT k, a FROM unnest(@p0::text[], @p1::timestamptz[]) AS x(k, a)",
            [Array(turns.Select(t => t.Marker.Key)), Array(turns.Select(t => t.Marker.ProcessedAt))], cancellationToken);

        var added = turns.Where(t => t.NewState is not null).Select(t => t.NewState!).ToList();
        if (added.Count > 0)
        {
            await ExecuteAsync(db,
                "INSERT INTO conversation_states (zalo_user_id, state, updated_at) SELECT u, s, a FROM unnest(@p0::text[], @p1::text[], @p2::timestamptz[]) AS x(u, s, a)",
                [Array(added.Select(s => s.ZaloUserId)), Array(added.Select(s => s.State)), Array(added.Select(s => s.UpdatedAt))], cancellationToken);
        }

        var changed = turns.Where(t => t.ChangedState is not null).Select(t => t.ChangedState!.Value).ToList();
        if (changed.Count > 0)
        {
            var updated = await ExecuteAsync(db, """
                UPDATE conversation_states AS c SET state = x.s, updated_at = x.a
                FROM unnest(@p0::text[], @p1::text[], @p2::timestamptz[], @p3::bigint[]) AS x(u, s, a, v)
                WHERE c.zalo_user_id = x.u AND c.xmin::text::bigint = x.v
                """,
                [Array(changed.Select(c => c.Stored.ZaloUserId)), Array(changed.Select(c => c.State)), Array(changed.Select(c => c.At)),
                Array(changed.Select(c => (long)c.Stored.Version))], cancellationToken);
            if (updated != changed.Count)
            {
                throw new DbUpdateConcurrencyException($"{changed.Count - updated} of {changed.Count} conversation states changed since they were read.");
            }
        }
    }

    private static T[] Array<T>(IEnumerable<T> values) => [.. values];

    /// <summary>One statement through EF (its interceptors see it: tests fail each step), parameters named @p0, @p1, …</summary>
    private static Task<int> ExecuteAsync(ZaloBotDbContext db, string sql, object[] values, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, values.Select((v, i) => (object)new NpgsqlParameter($"p{i}", v)), cancellationToken);
}
