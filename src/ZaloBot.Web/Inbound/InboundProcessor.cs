using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Handles one inbound event (scoped; called by <see cref="InboundWorker"/> one event at a time per user). Idempotent:
/// a processed marker in Redis skips re-runs, and every write has a unique key (transcript SourceId+Direction, outbox
/// IdempotencyKey, attachment user+URL), so a crash between the writes and the stream ack does no harm.
/// </summary>
public sealed class InboundProcessor(
    ZaloBotDbContext db,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    IInboundEventHandler handler,
    MediaDownloader media,
    OutboxWorkSignal outboxSignal,
    IOptions<WebhookOptions> webhook,
    TimeProvider time,
    ILogger<InboundProcessor> logger)
{
    /// <summary>
    /// Handles the event of <paramref name="partition"/> unless its processed marker exists. The caller sets the marker
    /// (<c>{in:p}:done:key</c>) in the same Redis transaction as the stream acknowledgement.
    /// </summary>
    public async Task ProcessAsync(int partition, string dedupeKey, string body, CancellationToken cancellationToken)
    {
        if (await redis.GetDatabase().KeyExistsAsync(keys.Done(partition, dedupeKey)))
        {
            return;
        }

        var evt = ZaloEventParser.Parse(body, [webhook.Value.OaId]);
        await HandleAsync(evt, dedupeKey, cancellationToken);
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
                await AddTranscriptAsync(echo.UserId, TranscriptDirection.FromStaff, echo.Text ?? $"[{echo.Kind}]", echo.MessageId, At(evt, now), cancellationToken);
                return;

            case MessageReceivedEvent received:
                await db.OutboundMessages
                    .Where(m => m.ZaloMessageId == received.MessageId && m.State == OutboundState.Sent)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboundState.Delivered).SetProperty(m => m.DeliveredAt, At(evt, now)), cancellationToken);
                return;

            case MessageSeenEvent seen:
                var ids = seen.MessageIds.ToList();
                await db.OutboundMessages
                    .Where(m => m.ZaloMessageId != null && ids.Contains(m.ZaloMessageId) && (m.State == OutboundState.Sent || m.State == OutboundState.Delivered))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboundState.Seen).SetProperty(m => m.SeenAt, At(evt, now)), cancellationToken);
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

        var userId = evt.UserId;
        IReadOnlyList<Guid> attachmentIds = [];
        if (evt is UserMessageEvent withMedia)
        {
            // Downloads happen before the transaction opens (up to Inbound:MediaTimeout each).
            attachmentIds = await media.DownloadAsync(db, userId, withMedia.Attachments, cancellationToken);
        }

        // The citizen and the transcript line in one transaction, committed before the turn runs: the turn's side
        // effects (tickets, votes, consent) use their own connections and must not wait on rows this event holds.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await TouchCitizenAsync(evt, userId, now, cancellationToken);
            if (evt is UserMessageEvent message)
            {
                await db.SaveChangesAsync(cancellationToken);
                await AddTranscriptAsync(userId, TranscriptDirection.FromCitizen, DescribeForTranscript(message), message.MessageId.Length > 0 ? message.MessageId : dedupeKey, At(evt, now), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The turn saves its state before returning; its replies are written next. A crash in between re-runs the
        // event, and the engine hands back the saved replies of that turn (see ConversationRunner).
        var replies = await handler.HandleAsync(new InboundTurn(evt, userId, dedupeKey, attachmentIds), cancellationToken);

        // One statement per reply; ON CONFLICT makes a re-run (stream redelivery) add nothing.
        for (var i = 0; i < replies.Count; i++)
        {
            var row = replies[i].ToOutbound(userId, TurnKey(dedupeKey, i), OutboundPriority.Interactive, now);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO outbound_messages (zalo_user_id, priority, payload, state, attempts, next_attempt_at, idempotency_key, created_at)
                VALUES ({row.ZaloUserId}, {(int)row.Priority}, {row.Payload}::jsonb, {(int)row.State}, 0, {row.NextAttemptAt}, {row.IdempotencyKey}, {row.CreatedAt})
                ON CONFLICT (idempotency_key) DO NOTHING
                """, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (replies.Count > 0)
        {
            outboxSignal.Pulse();
        }
    }

    /// <summary>The outbox idempotency key of the n-th reply to an inbound event.</summary>
    public static string TurnKey(string dedupeKey, int index)
    {
        var key = $"turn:{dedupeKey}:{index}";
        return key.Length <= 200 ? key : $"turn:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dedupeKey)))}:{index}";
    }

    /// <summary>
    /// Creates the citizen on first contact; user_send_*, follow and user_submit_info move LastInteractionAt forward
    /// (the 48 h / 7 d reply window); receipts and reactions do not. Follow/unfollow set IsFollower.
    /// </summary>
    private async Task TouchCitizenAsync(ZaloEvent evt, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interaction = evt is UserMessageEvent or FollowEvent or UserSubmitInfoEvent;
        DateTimeOffset? at = interaction ? At(evt, now) : null;
        bool? follows = evt switch { FollowEvent => true, UnfollowEvent => false, _ => null };
        // One round trip: create on first contact, move LastInteractionAt forward only (events can arrive out of order).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO citizens (zalo_user_id, first_seen_at, last_interaction_at, is_follower)
            VALUES ({userId}, {now}, {at}, {follows ?? false})
            ON CONFLICT (zalo_user_id) DO UPDATE SET
                last_interaction_at = GREATEST(citizens.last_interaction_at, excluded.last_interaction_at),
                is_follower = COALESCE({follows}::boolean, citizens.is_follower)
            """, cancellationToken);
    }

    private async Task AddTranscriptAsync(string? userId, TranscriptDirection direction, string text, string sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return;
        }

        var line = text.Length <= 4000 ? text : text[..4000];
        var source = sourceId.Length <= 200 ? sourceId : sourceId[..200];
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO transcript (zalo_user_id, direction, text, at, source_id) VALUES ({userId}, {(int)direction}, {line}, {at}, {source}) ON CONFLICT (source_id, direction) DO NOTHING",
            cancellationToken);
    }

    private static string DescribeForTranscript(UserMessageEvent message) => message.Kind switch
    {
        ZaloMessageKind.Text => message.Text ?? "",
        ZaloMessageKind.Location when message.Attachments.OfType<LocationAttachment>().FirstOrDefault() is { } l =>
            $"[location {l.Latitude},{l.Longitude}] {message.Text}".TrimEnd(),
        _ => $"[{message.Kind.ToString().ToLowerInvariant()}] {message.Text}".TrimEnd(),
    };

    /// <summary>The event's own time (epoch ms) when it parses and is not in the future; else now.</summary>
    private static DateTimeOffset At(ZaloEvent evt, DateTimeOffset now) =>
        long.TryParse(evt.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            && DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, now.ToUnixTimeMilliseconds())) is var at
            ? at
            : now;
}
