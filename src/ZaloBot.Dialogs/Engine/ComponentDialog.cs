using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// A dialog made of dialogs: its own <see cref="DialogSet"/> and an inner stack kept in its
/// instance state, so a flow (waterfall + its prompts) is one entry on the outer stack.
/// </summary>
public abstract class ComponentDialog : Dialog
{
    private const string StackKey = "stack";

    protected ComponentDialog(string id)
        : base(id)
    {
    }

    protected DialogSet Dialogs { get; } = new();

    /// <summary>The dialog started when the component begins (usually its waterfall).</summary>
    protected string InitialDialogId { get; set; } = string.Empty;

    protected void AddDialog(Dialog dialog) => Dialogs.Add(dialog);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var inner = new DialogContext(Dialogs, dc.Turn, []);
        var result = await inner.BeginDialogAsync(InitialDialogId, options, cancellationToken);
        return await AfterInnerAsync(dc, inner, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var inner = LoadInner(dc.Turn, dc.ActiveDialog!);
        var result = await inner.ContinueDialogAsync(cancellationToken);
        return await AfterInnerAsync(dc, inner, result, cancellationToken);
    }

    public override Task RepromptDialogAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        LoadInner(turn, instance).RepromptDialogAsync(cancellationToken);

    private async Task<DialogTurnResult> AfterInnerAsync(DialogContext dc, DialogContext inner, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status is DialogTurnStatus.Complete or DialogTurnStatus.Cancelled || inner.Stack.Count == 0)
        {
            return await dc.EndDialogAsync(result.Result, cancellationToken);
        }

        dc.ActiveDialog!.State[StackKey] = JsonSerializer.SerializeToNode(inner.Stack, BotStateSerializer.Options);
        return DialogTurnResult.Waiting;
    }

    private DialogContext LoadInner(TurnContext turn, DialogInstance instance)
    {
        var stack = instance.State[StackKey]?.Deserialize<List<DialogInstance>>(BotStateSerializer.Options) ?? [];
        return new DialogContext(Dialogs, turn, stack);
    }
}
