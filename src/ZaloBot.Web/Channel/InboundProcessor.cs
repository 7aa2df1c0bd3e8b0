using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Channel;

/// <summary>
/// Handles one inbound event (scoped; called by <see cref="InboundWorker"/> one event at a time per user). Idempotent:
/// a processed marker in Redis skips re-runs, and every write has a unique key (transcript SourceId+Direction, outbox
/// IdempotencyKey, attachment user+URL), so a crash between the writes and the stream ack does no harm.
/// </summary>
public sealed class InboundProcessor(
    ZaloBotDbContext db,
    IConnectionMultiplexer redis,
    ChannelKeys keys,
    IInboundEventHandler handler,
    MediaDownloader media,
    OutboxWorkSignal outboxSignal,
    IOptions<WebhookOptions> webhook,
    IOptions<ChannelOptions> options,
    TimeProvider time,
    ILogger<InboundProcessor> logger)
{
    public async Task ProcessAsync(string dedupeKey, string body, CancellationToken cancellationToken)
    {
        var redisDb = redis.GetDatabase();
        if (await redisDb.KeyExistsAsync(keys.Done(dedupeKey)))
        {
            return;
        }

        var evt = ZaloEventParser.Parse(body, [webhook.Value.OaId]);
        await HandleAsync(evt, dedupeKey, cancellationToken);
        await redisDb.StringSetAsync(keys.Done(dedupeKey), "1", options.Value.DedupeRetention);
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
                logger.LogDebug("Ignored event {EventName} (kept raw, no handler)", evt.EventName);
                return;
        }

        if (string.IsNullOrEmpty(evt.UserId))
        {
            logger.LogWarning("Event {EventName} has no user id; ignored", evt.EventName);
            return;
        }

        var userId = evt.UserId;
        await TouchCitizenAsync(evt, userId, now, cancellationToken);

        IReadOnlyList<Guid> attachmentIds = [];
        if (evt is UserMessageEvent message)
        {
            attachmentIds = await media.DownloadAsync(db, userId, message.Attachments, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AddTranscriptAsync(userId, TranscriptDirection.FromCitizen, DescribeForTranscript(message), message.MessageId.Length > 0 ? message.MessageId : dedupeKey, At(evt, now), cancellationToken);
        }

        var replies = await handler.HandleAsync(new InboundTurn(evt, userId, dedupeKey, attachmentIds), cancellationToken);
        if (replies.Count == 0)
        {
            return;
        }

        var idempotencyKeys = replies.Select((_, i) => TurnKey(dedupeKey, i)).ToList();
        var existing = await db.OutboundMessages.Where(m => idempotencyKeys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken);
        for (var i = 0; i < replies.Count; i++)
        {
            if (!existing.Contains(idempotencyKeys[i]))
            {
                db.OutboundMessages.Add(replies[i].ToOutbound(userId, idempotencyKeys[i], OutboundPriority.Interactive, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        outboxSignal.Pulse();
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
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO citizens (zalo_user_id, first_seen_at, is_follower) VALUES ({userId}, {now}, false) ON CONFLICT (zalo_user_id) DO NOTHING",
            cancellationToken);
        var interaction = evt is UserMessageEvent or FollowEvent or UserSubmitInfoEvent;
        var at = At(evt, now);
        var citizens = db.Citizens.Where(c => c.ZaloUserId == userId);
        if (interaction)
        {
            await citizens.Where(c => c.LastInteractionAt == null || c.LastInteractionAt < at)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, at), cancellationToken);
        }

        if (evt is FollowEvent or UnfollowEvent)
        {
            var follows = evt is FollowEvent;
            await citizens.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsFollower, follows), cancellationToken);
        }
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
