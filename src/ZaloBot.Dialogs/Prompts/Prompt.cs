using System.Text.Json;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>
/// Asks for one value, validates it, re-prompts with a specific error, and gives up politely after
/// <see cref="PromptOptions.MaxAttempts"/>. Ends with a <see cref="PromptResult{T}"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    protected Prompt(string id)
        : base(id)
    {
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, BotStateSerializer.Options);
        state[AttemptsKey] = 0;
        Render(dc.Turn, promptOptions, promptOptions.Text);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var activity = turn.Activity;
        if (activity.Type is not (ActivityType.Message or ActivityType.SubmittedInfo))
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var options = LoadOptions(instance);
        if (options.AllowSkip && TextFolding.IsOneOf(activity.Text, turn.Texts.SkipWords))
        {
            return await dc.EndDialogAsync(new PromptResult<T>(PromptStatus.Skipped, default), cancellationToken);
        }

        var recognition = Recognize(turn, options, instance);
        if (recognition.Succeeded)
        {
            return await dc.EndDialogAsync(new PromptResult<T>(PromptStatus.Recognized, recognition.Value), cancellationToken);
        }

        if (recognition.Pending)
        {
            return DialogTurnResult.Waiting;
        }

        var attempts = (instance.State[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        instance.State[AttemptsKey] = attempts;
        if (attempts >= (options.MaxAttempts ?? turn.Options.MaxPromptAttempts))
        {
            turn.Send(turn.Texts.PromptGaveUp, [MessageButton.Show(turn.Texts.MenuButton), MessageButton.Show(turn.Texts.MenuHandoff)]);
            return await dc.EndDialogAsync(new PromptResult<T>(PromptStatus.TooManyAttempts, default), cancellationToken);
        }

        Render(turn, options, recognition.Error ?? options.RetryText ?? options.Text);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = LoadOptions(instance);
        Render(turn, options, options.Text);
        return Task.CompletedTask;
    }

    protected PromptRecognition<T> Success(T value) => new(true, value, null);

    protected PromptRecognition<T> Fail(string? error = null) => new(false, default, error);

    protected PromptRecognition<T> Wait() => new(false, default, null, Pending: true);

    /// <summary>Reads the activity. May keep collecting in <paramref name="instance"/> and return Wait.</summary>
    protected abstract PromptRecognition<T> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance);

    /// <summary>Sends <paramref name="text"/> with the prompt's buttons (and the skip button on optional steps).</summary>
    protected virtual void Render(TurnContext turn, PromptOptions options, string text) =>
        turn.Send(OutgoingMessage.Create(text, WithSkip(turn, options, options.Buttons), options.InfoRequest, null));

    protected static IEnumerable<MessageButton> WithSkip(TurnContext turn, PromptOptions options, IEnumerable<MessageButton> buttons) =>
        options.AllowSkip ? buttons.Append(MessageButton.Show(turn.Texts.SkipButton)) : buttons;

    private static PromptOptions LoadOptions(DialogInstance instance) =>
        instance.State[OptionsKey].Deserialize<PromptOptions>(BotStateSerializer.Options)
        ?? throw new InvalidOperationException("Prompt state has no options.");
}
