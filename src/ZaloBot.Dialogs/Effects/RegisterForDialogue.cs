namespace ZaloBot.Dialogs.Effects;

/// <summary>
/// A business registers for a dialogue session from chat. Contact name and phone come only with
/// <paramref name="ConsentText"/> (the sentence the citizen answered), which the web app stores as a consent record.
/// <paramref name="Key"/> is "dialogue-register:{msg_id}" of the confirming message.
/// </summary>
public sealed record RegisterForDialogue(
    long SessionId, string ZaloUserId, string BusinessName, string Field, string? TaxCode, string? ContactName, string? ContactPhone, string? ConsentText, string Key)
    : TurnEffect;
