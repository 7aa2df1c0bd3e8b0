namespace ZaloBot.Dialogs.Engine;

/// <summary>Runs dialogs of one <see cref="DialogSet"/> on one stack (top = last element) during a turn.</summary>
public sealed class DialogContext
{
    public DialogContext(DialogSet dialogs, TurnContext turn, List<DialogInstance> stack)
    {
        Dialogs = dialogs;
        Turn = turn;
        Stack = stack;
    }

    public DialogSet Dialogs { get; }

    public TurnContext Turn { get; }

    public List<DialogInstance> Stack { get; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not in this dialog set.");
        Stack.Add(new DialogInstance { Id = dialogId });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await Find(active).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Pops the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Count > 0)
        {
            Stack.RemoveAt(Stack.Count - 1);
        }

        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return await Find(parent).ResumeDialogAsync(this, result, cancellationToken);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        if (Stack.Count > 0)
        {
            Stack.RemoveAt(Stack.Count - 1);
        }

        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public DialogTurnResult CancelAllDialogs()
    {
        Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken)
    {
        var active = ActiveDialog;
        return active is null ? Task.CompletedTask : Find(active).RepromptDialogAsync(Turn, active, cancellationToken);
    }

    private Dialog Find(DialogInstance instance) =>
        Dialogs.Find(instance.Id) ?? throw new InvalidOperationException($"Dialog '{instance.Id}' on the stack is not in this dialog set.");
}
