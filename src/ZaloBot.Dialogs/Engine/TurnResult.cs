namespace ZaloBot.Dialogs.Engine;

/// <summary>The outcome of a turn: the state to save, then the replies to send (in order) once saved.</summary>
public sealed record TurnResult(BotState NewState, IReadOnlyList<OutgoingMessage> Replies);
