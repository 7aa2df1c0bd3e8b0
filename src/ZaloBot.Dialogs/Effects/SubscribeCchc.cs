namespace ZaloBot.Dialogs.Effects;

/// <summary>"Đăng ký nhận tin": the citizen wants new CCHC posts on Zalo (pushed only inside the free 48-hour window).</summary>
public sealed record SubscribeCchc(string ZaloUserId) : TurnEffect;
