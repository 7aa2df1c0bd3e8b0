namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// What the current conversation is doing. Dropped on expiry, on an unhandled error and on
/// unfollow; never holds anything that must outlive a conversation.
/// </summary>
public sealed class ConversationState
{
    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>Last inbound citizen activity; drives expiry.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The question behind the last "Có phải bạn muốn hỏi…" (recorded as unanswered on "Không phải").</summary>
    public string? PendingQuestion { get; set; }

    /// <summary>The last question the bot could not answer: passed to staff as context when the citizen asks for them.</summary>
    public string? LastUnansweredQuestion { get; set; }

    /// <summary>
    /// A feedback draft the citizen left (idle past <see cref="BotOptions.IdleTimeout"/>, or handed to staff), offered
    /// back until <see cref="BotOptions.DraftLifetime"/>. Kept as JSON here because the engine knows no conversation;
    /// <c>Conversations.ParkedDraft</c> reads and writes it typed. Survives expiry; dropped on unfollow and reset.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? Draft { get; set; }

    /// <summary>The key of the ticket created by the last confirmation (answers a second tap on the confirm button).</summary>
    public string? LastTicketKey { get; set; }

    /// <summary>Where "xem thêm" goes on in the CCHC post list last shown (null: no more, or no list shown).</summary>
    public int? CchcNextOffset { get; set; }
}
