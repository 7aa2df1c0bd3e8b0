using System.Text.Json;
using System.Text.Json.Nodes;
using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>The typed view of <see cref="ConversationState.Draft"/>: a feedback draft the citizen left, kept for <see cref="BotOptions.DraftLifetime"/>.</summary>
public static class ParkedDraft
{
    /// <summary>The kept draft if it is younger than the draft lifetime (an older one is dropped here).</summary>
    public static IntakeDraft? Get(TurnContext turn)
    {
        var conversation = turn.State.Conversation;
        var draft = conversation.Draft?.Deserialize<IntakeDraft>(BotStateSerializer.Options);
        if (draft is not null && turn.Now - draft.UpdatedAt > turn.Options.DraftLifetime)
        {
            conversation.Draft = null;
            return null;
        }

        return draft;
    }

    public static void Set(TurnContext turn, IntakeDraft? draft) =>
        turn.State.Conversation.Draft = draft is null ? null : JsonSerializer.SerializeToNode(draft, BotStateSerializer.Options) as JsonObject;
}
