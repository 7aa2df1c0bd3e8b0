using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Media;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Handles one inbound event (scoped; called by <see cref="InboundWorker"/> one event at a time per user). Channel
/// facts are handled here (echoes dropped, receipts move outbox rows); a citizen's event, after its media is
/// downloaded, is one turn that <see cref="TurnCommitter"/> runs and commits once.
/// </summary>
public sealed class InboundProcessor(
    ZaloBotDbContext db,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    TurnCommitter committer,
    MediaFetcher media,
    IOptions<ZaloTokenOptions> tokens,
    TimeProvider time,
    ILogger<InboundProcessor> logger)
{
    public async Task ProcessAsync(string dedupeKey, string body, CancellationToken cancellationToken)
    {
        // The OA this service acts as (whose token sends the replies): its own echoes and receipts are channel facts.
        // Webhook:OaId must equal it (checked at start-up), so the webhook's queue never holds another OA's event.
        var evt = ZaloEventParser.Parse(body, [tokens.Value.OaId]);
        await HandleAsync(evt, dedupeKey, cancellationToken);
    }

    /// <summary>
    /// Group commit of a backlog (entries of different users, from one partition read): the text messages without media
    /// are committed together (<see cref="TurnCommitter.CommitGroupAsync"/>); returns the keys that are done. The worker
    /// handles every other entry, and every entry when this throws, one by one through <see cref="ProcessAsync"/>.
    /// </summary>
    public async Task<IReadOnlySet<string>> ProcessGroupAsync(IReadOnlyList<(string Key, string Body)> entries, CancellationToken cancellationToken)
    {
        var turns = new List<InboundTurn>();
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, body) in entries)
        {
            ZaloEvent evt;
            try
            {
                evt = ZaloEventParser.Parse(body, [tokens.Value.OaId]);
            }
            catch (JsonException)
            {
                continue;
            }

            // One turn per citizen in a group: a second event of the same user waits for the one-by-one path, after this one.
            if (evt is UserMessageEvent { Attachments.Count: 0, UserId: { Length: > 0 } user } && users.Add(user))
            {
                turns.Add(new InboundTurn(evt, user, key, []));
            }
        }

        return turns.Count < 2 ? new HashSet<string>() : await committer.CommitGroupAsync(turns, cancellationToken);
    }

    /// <summary>
    /// Applies a delivery or read receipt. A receipt can overtake our own record of the send: Zalo answers the send,
    /// the phone acknowledges, and the webhook is processed before the sender has stored the message id. So while the
    /// recipient has a send in flight (attempted, not yet recorded), the update is tried again a few times
    /// (0.2 + 0.4 + 0.6 + 0.8 s); a receipt for a message that is not ours matches nothing and costs one query.
    /// </summary>
    private const int ReceiptWaits = 4;

    private async Task ApplyReceiptAsync(string? userId, Func<Task<int>> update, CancellationToken cancellationToken)
    {
        for (var wait = 1; ; wait++)
        {
            if (await update() > 0 || wait > ReceiptWaits || string.IsNullOrEmpty(userId))
            {
                return;
            }

            var inFlight = await db.OutboundMessages.AnyAsync(
                m => m.ZaloUserId == userId && m.State == OutboundState.Sending && m.AttemptedAt != null, cancellationToken);
            if (!inFlight)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * wait), time, cancellationToken);
        }
    }

    private async Task HandleAsync(ZaloEvent evt, string dedupeKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (evt)
        {
            case OaMessageEchoEvent { IsSentByHuman: false } echo:
                // An API send echoed back: ours (we remember every message id we sent) or another API client's.
                var ours = echo.MessageId.Length > 0 && await redis.GetDatabase().KeyExistsAsync(keys.Sent(echo.MessageId));
                logger.LogDebug("Dropped {EventName} echo ({Whose})", echo.EventName, ours ? "our send" : "unknown API send");
                return;

            case OaMessageEchoEvent echo:
                // A human replied from the OA Manager: part of the conversation, not ours to answer.
                await committer.RecordStaffMessageAsync(echo, dedupeKey, cancellationToken);
                return;

            case MessageReceivedEvent received:
                await ApplyReceiptAsync(evt.UserId, () => db.OutboundMessages
                    .Where(m => m.ZaloMessageId == received.MessageId && m.State == OutboundState.Sent)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboundState.Delivered).SetProperty(m => m.DeliveredAt, At(evt, now)), cancellationToken),
                    cancellationToken);
                return;

            case MessageSeenEvent seen:
                var ids = seen.MessageIds.ToList();
                await ApplyReceiptAsync(evt.UserId, () => db.OutboundMessages
                    .Where(m => m.ZaloMessageId != null && ids.Contains(m.ZaloMessageId) && (m.State == OutboundState.Sent || m.State == OutboundState.Delivered))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboundState.Seen).SetProperty(m => m.SeenAt, At(evt, now)), cancellationToken),
                    cancellationToken);
                return;

            case UnknownZaloEvent:
                // Kept raw for later use (tags, calls, ZNS…); nothing acts on it today.
                var key = dedupeKey.Length <= 200 ? dedupeKey : dedupeKey[..200];
                var name = evt.EventName.Length is > 0 and <= 100 ? evt.EventName : "unknown";
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO inbox_events (dedupe_key, event_name, zalo_user_id, payload, received_at, state, attempts, last_error, processed_at)
                    VALUES ({key}, {name}, {evt.UserId}, {evt.RawJson}, {now}, {(int)InboxEventState.Forwarded}, 0, 'unhandled event: kept raw', {now})
                    ON CONFLICT (dedupe_key) DO NOTHING
                    """, cancellationToken);
                logger.LogDebug("Event {EventName} has no handler; kept raw in inbox_events", evt.EventName);
                return;
        }

        if (string.IsNullOrEmpty(evt.UserId))
        {
            logger.LogWarning("Event {EventName} has no user id; ignored", evt.EventName);
            return;
        }

        var fetched = new MediaFetchResult([], 0);
        if (evt is UserMessageEvent { Attachments.Count: > 0 } withMedia)
        {
            // A redelivery of a committed event: nothing to download (the committer checks the marker for every turn).
            if (await committer.IsProcessedAsync(dedupeKey, cancellationToken))
            {
                return;
            }

            // Downloads happen before the turn's transaction opens (up to Media:Timeout each). A failed download skips
            // that file only; the message is handled all the same and the citizen is told once (MediaSkipped).
            fetched = await media.FetchAsync(db, evt.UserId, withMedia.Attachments, cancellationToken);
        }

        await committer.CommitAsync(new InboundTurn(evt, evt.UserId, dedupeKey, fetched.AttachmentIds) { MediaSkipped = fetched.Skipped }, cancellationToken);
    }

    /// <summary>The event's own time (epoch ms) when it parses and is not in the future; else now.</summary>
    private static DateTimeOffset At(ZaloEvent evt, DateTimeOffset now) =>
        long.TryParse(evt.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            && DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, now.ToUnixTimeMilliseconds())) is var at
            ? at
            : now;
}
