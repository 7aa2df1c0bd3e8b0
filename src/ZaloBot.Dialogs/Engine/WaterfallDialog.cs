using System.Text.Json.Nodes;

namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// A fixed sequence of steps. Each step usually sends a prompt (a child dialog) and the next step
/// receives its result. Values gathered so far live in <see cref="WaterfallStepContext.Values"/>.
/// </summary>
public sealed class WaterfallDialog : Dialog
{
    private const string IndexKey = "index";
    private const string ValuesKey = "values";
    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep> steps)
        : base(id)
    {
        _steps = steps.ToList();
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, options, cancellationToken);
    }

    /// <summary>A message reached the waterfall itself (no prompt on top): it is the next step's result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentIndex(dc.ActiveDialog!) + 1, dc.Turn.Activity.Text, cancellationToken);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentIndex(dc.ActiveDialog!) + 1, result, cancellationToken);

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.State[IndexKey] = index;
        var values = instance.State[ValuesKey] as JsonObject ?? [];
        instance.State[ValuesKey] = values;
        return _steps[index](new WaterfallStepContext(this, dc, index, values, result), cancellationToken);
    }

    private static int CurrentIndex(DialogInstance instance) => instance.State[IndexKey]?.GetValue<int>() ?? 0;
}
