namespace ZaloBot.Dialogs.Effects;

/// <summary>"Chưa được giải quyết": the citizen's answered or closed ticket goes back to the unit.</summary>
public sealed record ReopenTicket(string ZaloUserId, string Code) : TurnEffect;
