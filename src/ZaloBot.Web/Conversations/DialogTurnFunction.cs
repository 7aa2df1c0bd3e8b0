using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Conversations;

/// <summary>The dialog engine as the turn function: the event becomes an activity (none for e.g. a reaction), the engine runs.</summary>
public sealed class DialogTurnFunction(TurnEngine engine, TimeProvider time) : ITurnFunction
{
    public Task<TurnResult> RunAsync(BotState state, InboundTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity
            ?? (turn.Event is { } evt ? ActivityMapper.FromEvent(evt, turn.ZaloUserId, turn.Key, time.GetUtcNow()) : null);
        return activity is null
            ? Task.FromResult(new TurnResult(state, [], []))
            : engine.RunTurnAsync(state, activity, cancellationToken);
    }
}
