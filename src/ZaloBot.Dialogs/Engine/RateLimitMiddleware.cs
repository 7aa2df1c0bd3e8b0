namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// Per-user flood limit: at most <see cref="BotOptions.RateLimitMaxMessages"/> citizen messages per
/// <see cref="BotOptions.RateLimitWindow"/> (fixed window, counters in <see cref="UserState.Flood"/>,
/// time from <see cref="TimeProvider"/>). Over the limit the first message gets one polite notice,
/// the rest are dropped silently until the window ends. Staff events are never limited.
/// </summary>
public sealed class RateLimitMiddleware : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type is not (ActivityType.Message or ActivityType.SubmittedInfo))
        {
            await next(turn, cancellationToken);
            return;
        }

        var flood = turn.State.User.Flood;
        if (turn.Now - flood.WindowStartedAt >= turn.Options.RateLimitWindow || turn.Now < flood.WindowStartedAt)
        {
            flood.WindowStartedAt = turn.Now;
            flood.Count = 0;
            flood.Warned = false;
        }

        flood.Count++;
        if (flood.Count <= turn.Options.RateLimitMaxMessages)
        {
            await next(turn, cancellationToken);
            return;
        }

        if (!flood.Warned)
        {
            flood.Warned = true;
            turn.Send(turn.Texts.RateLimited);
        }
    }
}
