using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The one committer of a turn (scoped). It reads the citizen's state, runs the pure <see cref="ITurnFunction"/>, and
/// writes everything the turn produced in ONE PostgreSQL transaction: the citizen row, the transcript lines, the
/// effects, the outbox rows, the processed marker of the event and the new state (saved only if its <c>xmin</c> is
/// unchanged). A replay of an event whose marker exists does nothing; a state conflict re-runs the pure turn.
/// Under a backlog, <see cref="CommitGroupAsync"/> commits the turns of several citizens (one turn each, no effects)
/// in one transaction: each turn is still committed once, with its own marker, and when the group fails each of its
/// turns is committed alone.
/// </summary>
public sealed class TurnCommitter(
    ZaloBotDbContext db,
    ITurnFunction function,
    TurnEffects effects,
    BotTexts texts,
    OutboxWorkSignal outboxSignal,
    TimeProvider time,
    ILogger<TurnCommitter> logger)
{
    /// <summary>Per-user processing is serialised upstream, so a conflict is rare; five tries absorb a racing staff action.</summary>
    private const int MaxAttempts = 5;

    /// <summary>True when the turn <paramref name="key"/> was committed (its marker exists).</summary>
    public Task<bool> IsProcessedAsync(string key, CancellationToken cancellationToken) =>
        db.ProcessedEvents.AnyAsync(p => p.Key == key, cancellationToken);

    /// <summary>Runs and commits one turn, exactly once per <see cref="InboundTurn.Key"/>.</summary>
    public async Task CommitAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            db.ChangeTracker.Clear();
            if (await IsProcessedAsync(turn.Key, cancellationToken))
            {
                return;
            }

            var row = await db.ConversationStates.SingleOrDefaultAsync(s => s.ZaloUserId == turn.ZaloUserId, cancellationToken);
            var result = await function.RunAsync(BotStateSerializer.Deserialize(row?.State), turn, cancellationToken);
            try
            {
                var sent = await WriteAsync(turn, row, result, cancellationToken);
                if (sent > 0)
                {
                    outboxSignal.Pulse();
                }

                return;
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || CitizenDirectory.IsUniqueViolation(ex))
            {
                // Another turn saved this citizen's state (or committed this very event) since we read: run again on
                // what is stored now. Nothing of this attempt was committed.
                PersonalDataLog.TurnConflict(logger, turn.Key, turn.ZaloUserId, ex.GetType().Name, attempt);
            }
        }

        throw new InvalidOperationException("The citizen's conversation state kept changing; the event will be retried.");
    }

    /// <summary>
    /// Group commit of text turns of <em>different</em> citizens (the inbound worker's backlog, one read of a partition):
    /// one read of their markers, one of their states, the pure turns, then ONE transaction (one citizen upsert, one
    /// batch of transcript, outbox, marker and state rows). A turn whose result has effects, or that throws, is left out
    /// (effects are applied one at a time and failures counted in <see cref="CommitAsync"/>'s path; the pure turn is
    /// simply run again there). Returns the keys that
    /// are done (committed now, or before); the caller commits the others one by one, and all of them when this throws
    /// (a conflict or a bad row rolls back the whole group, never half of it). Under a backlog of 20 per partition read
    /// this cuts the round trips and commits per turn about twentyfold (docs/performance.md, "Turns").
    /// </summary>
    public async Task<IReadOnlySet<string>> CommitGroupAsync(IReadOnlyList<InboundTurn> turns, CancellationToken cancellationToken)
    {
        var users = turns.Select(t => t.ZaloUserId).ToList();
        if (users.Distinct(StringComparer.Ordinal).Count() != users.Count || turns.Any(t => t.Event is not UserMessageEvent))
        {
            throw new ArgumentException("A group holds text turns of different citizens.", nameof(turns));
        }

        db.ChangeTracker.Clear();
        var keys = turns.Select(t => t.Key).ToList();
        var done = (await db.ProcessedEvents.Where(p => keys.Contains(p.Key)).Select(p => p.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var rows = await db.ConversationStates.AsNoTracking().Where(s => users.Contains(s.ZaloUserId)).ToDictionaryAsync(s => s.ZaloUserId, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        var pending = turns.Where(t => !done.Contains(t.Key)).ToList();
        // The citizens' pure turns are independent: run together, so their read-only lookups overlap.
        var results = await Task.WhenAll(pending.Select(t => RunOrNullAsync(t, rows.GetValueOrDefault(t.ZaloUserId), cancellationToken)));
        var staged = new List<InboundTurn>();
        var written = new List<TurnRows>();
        var sent = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            if (results[i] is { Effects.Count: 0 } result)
            {
                var turnRows = Stage(pending[i], rows.GetValueOrDefault(pending[i].ZaloUserId), result.Replies, result.NewState, now);
                sent += turnRows.Outbox.Count;
                written.Add(turnRows);
                staged.Add(pending[i]);
            }
        }

        if (staged.Count == 0)
        {
            return done;
        }

        // No effects, so nothing inside the transaction recovers from a failed statement: no savepoint round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await TouchCitizensAsync(staged, now, cancellationToken);
            await TurnRows.WriteGroupAsync(db, written, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (sent > 0)
        {
            outboxSignal.Pulse();
        }

        done.UnionWith(staged.Select(t => t.Key));
        return done;
    }

    /// <summary>The pure turn, or null when it throws: that turn is left out of the group and run alone, where its failure is handled.</summary>
    private async Task<TurnResult?> RunOrNullAsync(InboundTurn turn, ConversationStateRow? row, CancellationToken cancellationToken)
    {
        try
        {
            return await function.RunAsync(BotStateSerializer.Deserialize(row?.State), turn, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Turn left out of its group ({Error}); it runs alone", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>A message a human sent from the OA Manager: a transcript line and the marker, no turn.</summary>
    public async Task RecordStaffMessageAsync(OaMessageEchoEvent echo, string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (string.IsNullOrEmpty(echo.UserId) || await IsProcessedAsync(key, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.Transcript.Add(Line(echo.UserId, TranscriptDirection.FromStaff, echo.Text ?? $"[{echo.Kind}]", echo.MessageId.Length > 0 ? echo.MessageId : key, EventTime(echo, now)));
        db.ProcessedEvents.Add(new ProcessedEvent { Key = key, ProcessedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The outbox idempotency key of the n-th reply of turn <paramref name="key"/> (hashed when long: the column holds 200).</summary>
    public static string TurnKey(string key, int index)
    {
        var full = $"turn:{key}:{index}";
        return full.Length <= 200 ? full : $"turn:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}:{index}";
    }

    private async Task<int> WriteAsync(InboundTurn turn, ConversationStateRow? row, TurnResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // EF wraps each SaveChanges inside our transaction in a savepoint (two more round trips) so that a failed save
        // leaves the transaction usable: only the effects' ticket rules recover from one; a turn without effects never does.
        db.Database.AutoSavepointsEnabled = result.Effects.Count > 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (turn.Event is { } evt)
        {
            await TouchCitizenAsync(evt, turn.ZaloUserId, now, cancellationToken);
        }

        // Effects first, each flushed: the ticket rules save (and on a conflict clear) the shared DbContext.
        var replies = result.Replies;
        foreach (var effect in result.Effects)
        {
            replies = await effects.ApplyAsync(effect, turn.Key, replies, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var turnRows = Stage(turn, row, replies, result.NewState, now);
        turnRows.AddTo(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return turnRows.Outbox.Count;
    }

    /// <summary>The turn's transcript lines, outbox rows, marker and state (saved by the caller, alone or in a group).</summary>
    private TurnRows Stage(InboundTurn turn, ConversationStateRow? row, IReadOnlyList<OutgoingMessage> replies, BotState newState, DateTimeOffset now)
    {
        var userId = turn.ZaloUserId;
        var transcript = new List<TranscriptEntry>();
        if (turn.Event is UserMessageEvent message)
        {
            transcript.Add(Line(userId, TranscriptDirection.FromCitizen, DescribeForTranscript(message), message.MessageId.Length > 0 ? message.MessageId : turn.Key, EventTime(message, now)));
        }

        var payloads = replies.SelectMany(OutboxPayload.FromReply).ToList();
        if (turn.MediaSkipped > 0)
        {
            // Told once per message, before the bot's answer, under the turn's own keys (a replay adds nothing).
            payloads.Insert(0, new OutboxPayload(texts.MediaSkipped));
        }

        var outbox = new List<OutboundMessage>(payloads.Count);
        for (var i = 0; i < payloads.Count; i++)
        {
            var key = TurnKey(turn.Key, i);
            outbox.Add(payloads[i].ToOutbound(userId, key, OutboundPriority.Interactive, now, safeToRepeat: true));
            transcript.Add(Line(userId, TranscriptDirection.FromBot, payloads[i].Text, key, now));
        }

        var marker = new ProcessedEvent { Key = turn.Key, ProcessedAt = now };
        var state = BotStateSerializer.Serialize(newState);
        return row is null
            ? new TurnRows(transcript, outbox, marker, new ConversationStateRow { ZaloUserId = userId, State = state, UpdatedAt = now }, null)
            : new TurnRows(transcript, outbox, marker, null, row.State != state ? (row, state, now) : null);
    }

    /// <summary>
    /// <see cref="TouchCitizenAsync"/> for a group of text messages of different citizens, in one statement: created on
    /// first contact, LastInteractionAt moved forward, IsFollower untouched.
    /// </summary>
    private async Task TouchCitizensAsync(IReadOnlyList<InboundTurn> turns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = turns.Select(t => t.ZaloUserId).ToArray();
        var at = turns.Select(t => EventTime(t.Event!, now)).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO citizens (zalo_user_id, first_seen_at, last_interaction_at, is_follower)
            SELECT u, {now}, a, FALSE FROM unnest({users}::text[], {at}::timestamptz[]) AS t(u, a)
            ON CONFLICT (zalo_user_id) DO UPDATE SET
                last_interaction_at = GREATEST(citizens.last_interaction_at, excluded.last_interaction_at)
            """, cancellationToken);
    }

    /// <summary>
    /// Creates the citizen on first contact; user_send_*, follow and user_submit_info move LastInteractionAt forward
    /// (the 48 h / 7 d reply window); reactions do not. Follow/unfollow set IsFollower. One round trip, and only
    /// forward (events can arrive out of order).
    /// </summary>
    private async Task TouchCitizenAsync(ZaloEvent evt, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interaction = evt is UserMessageEvent or FollowEvent or UserSubmitInfoEvent;
        DateTimeOffset? at = interaction ? EventTime(evt, now) : null;
        bool? follows = evt switch { FollowEvent => true, UnfollowEvent => false, _ => null };
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO citizens (zalo_user_id, first_seen_at, last_interaction_at, is_follower)
            VALUES ({userId}, {now}, {at}, {follows ?? false})
            ON CONFLICT (zalo_user_id) DO UPDATE SET
                last_interaction_at = GREATEST(citizens.last_interaction_at, excluded.last_interaction_at),
                is_follower = COALESCE({follows}::boolean, citizens.is_follower)
            """, cancellationToken);
    }

    private static TranscriptEntry Line(string userId, TranscriptDirection direction, string text, string sourceId, DateTimeOffset at) => new()
    {
        ZaloUserId = userId,
        Direction = direction,
        Text = text.Length <= 4000 ? text : text[..4000],
        At = at,
        SourceId = sourceId.Length <= 200 ? sourceId : sourceId[..200],
    };

    private static string DescribeForTranscript(UserMessageEvent message) => message.Kind switch
    {
        ZaloMessageKind.Text => message.Text ?? "",
        ZaloMessageKind.Location when message.Attachments.OfType<LocationAttachment>().FirstOrDefault() is { } l =>
            $"[location {l.Latitude},{l.Longitude}] {message.Text}".TrimEnd(),
        _ => $"[{message.Kind.ToString().ToLowerInvariant()}] {message.Text}".TrimEnd(),
    };

    /// <summary>The event's own time (epoch ms) when it parses and is not in the future; else now.</summary>
    private static DateTimeOffset EventTime(ZaloEvent evt, DateTimeOffset now) =>
        long.TryParse(evt.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, now.ToUnixTimeMilliseconds()))
            : now;
}
