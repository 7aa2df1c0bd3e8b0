namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// Runs around every turn, outermost first. Call <paramref name="next"/> to continue, or don't to
/// stop the turn (e.g. a flood limit). After <paramref name="next"/> returns,
/// <see cref="TurnContext.Replies"/> holds what the bot will send. A turn can be re-run when
/// the state save conflicts, so a middleware with side effects must key them by
/// <see cref="Activity.MessageId"/>.
/// </summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken);
}
