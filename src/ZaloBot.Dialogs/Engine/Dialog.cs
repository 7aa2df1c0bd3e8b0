namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// A step of conversation that can wait for the citizen. Instances are stateless and shared by all
/// users; per-conversation data lives in <see cref="DialogInstance.State"/> (JSON), so a dialog
/// survives a process restart between two messages.
/// </summary>
public abstract class Dialog
{
    protected Dialog(string id)
    {
        Id = id;
    }

    public string Id { get; }

    /// <summary>Called when pushed on the stack. Send a prompt and return Waiting, or end at once.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called with the citizen's next activity while this dialog is on top.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child dialog this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again what this dialog waits for (after an interruption).</summary>
    public virtual Task RepromptDialogAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
