namespace ZaloBot.Dialogs.Effects;

/// <summary>The citizen ended the conversation with staff (or withdrew a waiting request).</summary>
public sealed record EndHandoff(string ZaloUserId) : TurnEffect;
