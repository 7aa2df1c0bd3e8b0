namespace ZaloBot.Dialogs.Engine;

/// <summary>The conversation logic that the middleware pipeline ends in.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
