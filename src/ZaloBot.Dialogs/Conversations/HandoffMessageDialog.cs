using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>Outside office hours: say when staff will answer and offer to leave a message.</summary>
public sealed class HandoffMessageDialog : ComponentDialog
{
    private const string Steps = "handoff.steps";
    private const string OfferPrompt = "handoff.offer";
    private const string MessagePrompt = "handoff.message";

    /// <summary>A message for staff, not a novel: staff read these in a queue.</summary>
    private const int MaxMessageLength = 1000;

    public HandoffMessageDialog()
        : base(DialogIds.HandoffMessage)
    {
        AddDialog(new WaterfallDialog(Steps, [OfferAsync, AskMessageAsync, SaveAsync]));
        AddDialog(new ConfirmPrompt(OfferPrompt));
        AddDialog(new TextPrompt(MessagePrompt));
        InitialDialogId = Steps;
    }

    /// <param name="options">The next opening as text ("07:30 ngày 30/11/2026").</param>
    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = step.Turn.Texts;
        var next = step.Result as string ?? texts.HandoffNextUnknown;
        step.Values["next"] = next;
        // A complete draft can become a ticket in one tap instead of waiting for staff (CitizenBot handles the button).
        var fileDraft = ParkedDraft.Get(step.Turn) is { IsComplete: true } ? [MessageButton.Show(texts.HandoffFileDraftButton)] : Array.Empty<MessageButton>();
        return await step.PromptAsync(OfferPrompt, new PromptOptions { Text = texts.Fill(texts.HandoffOutsideHours, ("next", next)), Buttons = fileDraft }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMessageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = step.Turn.Texts;
        if (step.Result is not PromptResult<bool> { Succeeded: true } answer)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (!answer.Value)
        {
            step.Turn.Send(texts.HandoffNoMessage, Formats.MainMenu(texts));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.PromptAsync(MessagePrompt, new PromptOptions { Text = texts.HandoffMessagePrompt, MinLength = 2, MaxLength = MaxMessageLength }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<string> { Succeeded: true, Value: { } message })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = step.Turn;
        var note = CitizenBot.HandoffNote(turn) is { } context ? message + "\n" + context : message;
        turn.Record(new RequestHandoff(new HandoffRequest(turn.Activity.UserId, note, true, turn.Now)));
        turn.Send(turn.Texts.Fill(turn.Texts.HandoffMessageSaved, ("next", step.GetString("next"))), Formats.MenuOnly(turn.Texts));
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
