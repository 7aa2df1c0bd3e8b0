using ZaloBot.Dialogs.Effects;

namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// The outcome of a turn, as data: the state to save, the replies to send (in order) and the effects to apply. The
/// committer stores all three at once, so they can never disagree.
/// </summary>
public sealed record TurnResult(BotState NewState, IReadOnlyList<OutgoingMessage> Replies, IReadOnlyList<TurnEffect> Effects);
