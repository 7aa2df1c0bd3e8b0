using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Channel;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Runs one dialog turn for an inbound activity: (old state, activity) → (new state, replies). The new state
/// is saved only if nobody saved since it was read (else the turn re-runs on the fresh state; side effects are
/// idempotent by message id), and only then are the replies written to the outbox with the transcript.
/// </summary>
public sealed class ConversationRunner(
    TurnEngine engine,
    ConversationStateStore states,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ConversationRunner> logger)
{
    /// <summary>Per-user processing is serialised upstream, so a conflict is rare; five tries absorb a racing staff action.</summary>
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await states.LoadAsync(activity.UserId);
            var result = await engine.RunTurnAsync(BotStateSerializer.Deserialize(stored.Json), activity, cancellationToken);
            if (!await states.TrySaveAsync(activity.UserId, BotStateSerializer.Serialize(result.NewState), stored.Version))
            {
                logger.LogInformation("State of {ZaloUserId} changed during a turn; re-running (attempt {Attempt})", activity.UserId, attempt);
                continue;
            }

            await EnqueueAsync(activity, result.Replies, cancellationToken);
            return result.Replies;
        }

        throw new InvalidOperationException($"Conversation state of {activity.UserId} kept changing; the event will be retried.");
    }

    private async Task EnqueueAsync(Activity activity, IReadOnlyList<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        if (activity.HasText)
        {
            db.Transcript.Add(new TranscriptEntry
            {
                ZaloUserId = activity.UserId, Direction = TranscriptDirection.FromCitizen, Text = activity.Text!, At = activity.Timestamp, SourceId = activity.MessageId,
            });
        }

        for (var i = 0; i < replies.Count; i++)
        {
            var key = $"turn:{activity.MessageId}:{i}";
            db.OutboundMessages.Add(ToPayload(replies[i]).ToOutbound(activity.UserId, key, OutboundPriority.Interactive, now));
            db.Transcript.Add(new TranscriptEntry
            {
                ZaloUserId = activity.UserId, Direction = TranscriptDirection.FromBot, Text = replies[i].Text, At = now, SourceId = key,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A redelivered event whose turn already enqueued its replies (same keys, one transaction): nothing is sent twice.
            logger.LogInformation("Replies to {MessageId} were already enqueued", activity.MessageId);
        }
    }

    internal static OutboxPayload ToPayload(OutgoingMessage reply)
    {
        var text = reply.List.Count == 0
            ? reply.Text
            : reply.Text + "\n" + string.Join("\n", reply.List.Select(e => "• " + e.Title));
        var buttons = reply.Buttons.Count == 0
            ? null
            : reply.Buttons.Select(b => new OutboxButton(b.Title, b.Kind switch
            {
                ButtonKind.QueryShow => "query-show",
                ButtonKind.QueryHide => "query-hide",
                ButtonKind.OpenUrl => "open-url",
                ButtonKind.OpenPhone => "open-phone",
                _ => "query-show",
            }, b.Payload)).ToList();
        var form = reply.InfoRequest is { } request ? new OutboxForm(request.Title, request.Subtitle) : null;
        return new OutboxPayload(OutgoingMessage.Clip(text), buttons, form);
    }
}
