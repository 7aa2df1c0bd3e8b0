using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The pure part of a turn: (state, inbound turn) → (new state, replies, effects). It may read (lookups) but never
/// writes; <see cref="TurnCommitter"/> commits what it returns. The dialog engine implements it
/// (<see cref="DialogTurnFunction"/>); channel tests substitute a recording one.
/// </summary>
public interface ITurnFunction
{
    Task<TurnResult> RunAsync(BotState state, InboundTurn turn, CancellationToken cancellationToken);
}
