using ZaloBot.Dialogs.Content;

namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// The entry point: one turn is a function (old state, activity, read-only lookups) → (new state, replies,
/// effects). It writes nothing: the effects are data that the web app's committer applies together with the new
/// state, so running the same turn again on the same old state (after a version conflict) is safe. Redeliveries of
/// an already committed event never reach the engine (the committer's processed marker).
/// </summary>
public sealed class TurnEngine
{
    private readonly IBot _bot;
    private readonly BotTexts _texts;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly TurnDelegate _pipeline;

    /// <param name="middleware">Outermost first; put <see cref="ErrorHandlingMiddleware"/> first.</param>
    public TurnEngine(IBot bot, BotTexts texts, BotOptions options, TimeProvider time, IEnumerable<ITurnMiddleware> middleware)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _bot = bot;
        _texts = texts;
        _options = options;
        _time = time;
        _pipeline = Build(middleware.ToList());
    }

    public async Task<TurnResult> RunTurnAsync(BotState state, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);

        var working = BotStateSerializer.Clone(state);
        var turn = new TurnContext(activity, working, _texts, _options, _time);
        await _pipeline(turn, cancellationToken);

        if (activity.Type is ActivityType.Message or ActivityType.SubmittedInfo or ActivityType.Follow)
        {
            turn.State.Conversation.LastActivityAt = turn.Now;
        }

        return new TurnResult(turn.State, turn.Replies.ToList(), turn.Effects.ToList());
    }

    private TurnDelegate Build(List<ITurnMiddleware> middleware)
    {
        TurnDelegate next = _bot.OnTurnAsync;
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            var current = middleware[i];
            var inner = next;
            next = (turn, ct) => current.OnTurnAsync(turn, inner, ct);
        }

        return next;
    }
}
