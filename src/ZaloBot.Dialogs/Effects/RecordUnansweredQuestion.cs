namespace ZaloBot.Dialogs.Effects;

/// <summary>A question the bot could not answer, for the FAQ editors.</summary>
public sealed record RecordUnansweredQuestion(string ZaloUserId, string Question) : TurnEffect;
