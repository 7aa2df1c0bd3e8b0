using Microsoft.Extensions.Logging;

namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// Outermost middleware: an unhandled exception is logged (ids only, never message text), the
/// citizen gets an apology and that conversation is reset so they are not stuck in a broken flow.
/// The failed turn's effects are dropped with its replies. User state (handoff, flood counter) is kept.
/// </summary>
public sealed class ErrorHandlingMiddleware : ITurnMiddleware
{
    private readonly ILogger<ErrorHandlingMiddleware> _logger;

    public ErrorHandlingMiddleware(ILogger<ErrorHandlingMiddleware> logger)
    {
        _logger = logger;
    }

    public async Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            await next(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message id identifies the event; the citizen's id stays out of logs (personal data).
            _logger.LogError(ex, "Turn failed for message {MessageId}; conversation reset", turn.Activity.MessageId);
            turn.State.Conversation = new ConversationState { LastActivityAt = turn.Now };
            turn.ClearRepliesAndEffects();
            turn.Send(turn.Texts.ErrorApology, [MessageButton.Show(turn.Texts.MenuButton)]);
        }
    }
}
