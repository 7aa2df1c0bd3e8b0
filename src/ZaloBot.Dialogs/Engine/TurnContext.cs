using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Effects;

namespace ZaloBot.Dialogs.Engine;

/// <summary>One turn: the inbound activity, the working copy of the state, and the replies and effects so far.</summary>
public sealed class TurnContext
{
    private readonly List<OutgoingMessage> _replies = [];
    private readonly List<TurnEffect> _effects = [];

    public TurnContext(Activity activity, BotState state, BotTexts texts, BotOptions options, TimeProvider time)
    {
        Activity = activity;
        State = state;
        Texts = texts;
        Options = options;
        Time = time;
    }

    public Activity Activity { get; }

    /// <summary>The working copy; middleware and dialogs change it, the engine returns it as the new state.</summary>
    public BotState State { get; }

    public BotTexts Texts { get; }

    public BotOptions Options { get; }

    public TimeProvider Time { get; }

    public IReadOnlyList<OutgoingMessage> Replies => _replies;

    /// <summary>What the turn wants done outside the conversation, in order; applied by the committer with the new state.</summary>
    public IReadOnlyList<TurnEffect> Effects => _effects;

    /// <summary>Scratch space for middleware during one turn (not persisted).</summary>
    public IDictionary<string, object> Items { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Today's date in Vietnam, for "current year" and due dates.</summary>
    public DateTimeOffset LocalNow => VietnamTime.Local(Now);

    public void Send(OutgoingMessage message) => _replies.Add(message);

    public void Send(string text, IEnumerable<MessageButton>? buttons = null) => _replies.Add(OutgoingMessage.Create(text, buttons));

    public void Record(TurnEffect effect) => _effects.Add(effect);

    /// <summary>Drops the replies and effects gathered so far (the error middleware replaces them with an apology).</summary>
    public void ClearRepliesAndEffects()
    {
        _replies.Clear();
        _effects.Clear();
    }
}
