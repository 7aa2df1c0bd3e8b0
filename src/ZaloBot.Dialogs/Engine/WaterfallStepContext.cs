using System.Text.Json.Nodes;

namespace ZaloBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the previous result, the values so far, and how to move on.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, int index, JsonObject values, object? result)
    {
        _waterfall = waterfall;
        Context = dc;
        Index = index;
        Values = values;
        Result = result;
    }

    public DialogContext Context { get; }

    public TurnContext Turn => Context.Turn;

    public int Index { get; }

    /// <summary>Persisted values of this waterfall run (JSON: strings, numbers, arrays).</summary>
    public JsonObject Values { get; }

    /// <summary>The previous step's child result, or the options passed to the waterfall for step 0.</summary>
    public object? Result { get; }

    public Task<DialogTurnResult> PromptAsync(string dialogId, object options, CancellationToken cancellationToken) =>
        Context.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Context.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips straight to the next step with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) =>
        _waterfall.RunStepAsync(Context, Index + 1, result, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        Context.EndDialogAsync(result, cancellationToken);

    public string? GetString(string key) => Values[key]?.GetValue<string>();
}
