namespace ZaloBot.Dialogs.Effects;

/// <summary>
/// Something a turn wants done outside the conversation, as data. The engine only records effects; the web app's
/// committer applies them once, in the same transaction as the turn's new state, transcript and outbox rows, so a
/// re-run of the turn (state conflict, redelivery) never applies them twice.
/// </summary>
public abstract record TurnEffect;
