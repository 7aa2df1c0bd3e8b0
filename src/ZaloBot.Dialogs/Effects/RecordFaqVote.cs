namespace ZaloBot.Dialogs.Effects;

/// <summary>👍/👎 on an FAQ answer.</summary>
public sealed record RecordFaqVote(string ZaloUserId, string Slug, bool Helpful) : TurnEffect;
