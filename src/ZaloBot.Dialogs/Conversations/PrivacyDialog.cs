using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>"Xóa dữ liệu của tôi": explain what is kept and why, then record a deletion request on "yes".</summary>
public sealed class PrivacyDialog : ComponentDialog
{
    private const string Steps = "privacy.steps";
    private const string ConfirmPromptId = "privacy.confirm";

    public PrivacyDialog()
        : base(DialogIds.Privacy)
    {
        AddDialog(new WaterfallDialog(Steps, [ExplainAsync, RecordAsync]));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        InitialDialogId = Steps;
    }

    private static async Task<DialogTurnResult> ExplainAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = step.Turn.Texts;
        step.Turn.Send(texts.PrivacyExplain);
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Text = texts.PrivacyConfirm }, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<bool> { Succeeded: true } answer)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = step.Turn;
        if (answer.Value)
        {
            turn.Record(new RecordDeletionRequest(turn.Activity.UserId));
            turn.Send(turn.Texts.PrivacyRecorded, Formats.MenuOnly(turn.Texts));
        }
        else
        {
            turn.Send(turn.Texts.PrivacyKept, Formats.MenuOnly(turn.Texts));
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}
