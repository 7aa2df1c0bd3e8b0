namespace ZaloBot.Dialogs.Effects;

/// <summary>A question sent ahead of a dialogue session; <paramref name="Key"/> is "dialogue-question:{msg_id}".</summary>
public sealed record AskDialogueQuestion(long SessionId, string ZaloUserId, string Text, string Key) : TurnEffect;
