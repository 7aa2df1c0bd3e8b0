using System.Text.Json;
using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Runs one dialog turn: (old state, activity) → (new state, replies). The new state is saved only if nobody
/// saved since it was read, else the turn re-runs on the fresh state (side effects are idempotent by message
/// id). The caller sends the replies only after this returns, i.e. after the save.
/// </summary>
public sealed class ConversationRunner(TurnEngine engine, ConversationStateStore states, ILogger<ConversationRunner> logger)
{
    /// <summary>Per-user processing is serialised upstream, so a conflict is rare; five tries absorb a racing staff action.</summary>
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await states.LoadAsync(activity.UserId);
            if (stored.LastMessageId == activity.MessageId && stored.LastRepliesJson is { } saved)
            {
                // The turn already ran and was saved; the event came back because the replies may not have reached the outbox.
                return JsonSerializer.Deserialize<List<OutgoingMessage>>(saved, BotStateSerializer.Options) ?? [];
            }

            var result = await engine.RunTurnAsync(BotStateSerializer.Deserialize(stored.Json), activity, cancellationToken);
            var savedNow = await states.TrySaveAsync(activity.UserId, stored.Version,
                BotStateSerializer.Serialize(result.NewState), activity.MessageId,
                JsonSerializer.Serialize(result.Replies, BotStateSerializer.Options));
            if (savedNow)
            {
                return result.Replies;
            }

            Hosting.PersonalDataLog.StateConflict(logger, activity.UserId, attempt);
        }

        // No user id in the message: exception messages end up in logs and in the dead letter's last error.
        throw new InvalidOperationException("Conversation state kept changing during the turn; the event will be retried.");
    }
}
