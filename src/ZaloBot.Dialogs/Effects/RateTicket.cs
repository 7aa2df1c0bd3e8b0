namespace ZaloBot.Dialogs.Effects;

/// <summary>The citizen's 1–5 rating of their answered ticket (the last rating counts).</summary>
public sealed record RateTicket(string ZaloUserId, string Code, int Stars) : TurnEffect;
