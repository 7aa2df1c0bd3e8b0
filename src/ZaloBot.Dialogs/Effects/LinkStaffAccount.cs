namespace ZaloBot.Dialogs.Effects;

/// <summary>
/// A staff member typed their link code in chat: their console account gets Zalo notices at this Zalo user id. The web
/// app checks the code again when it applies the effect (it may have expired or been used in between).
/// </summary>
public sealed record LinkStaffAccount(string ZaloUserId, string Code) : TurnEffect;
