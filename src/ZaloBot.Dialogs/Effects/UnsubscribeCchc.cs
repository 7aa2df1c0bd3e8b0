namespace ZaloBot.Dialogs.Effects;

/// <summary>"Hủy nhận tin" (or "stop"): no more CCHC posts are pushed or announced to this citizen.</summary>
public sealed record UnsubscribeCchc(string ZaloUserId) : TurnEffect;
