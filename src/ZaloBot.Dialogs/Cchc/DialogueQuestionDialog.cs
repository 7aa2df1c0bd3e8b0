using System.Globalization;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;

namespace ZaloBot.Dialogs.Cchc;

/// <summary>
/// One question sent ahead of a dialogue session (started with the session id): the text → <see cref="AskDialogueQuestion"/>,
/// keyed by the message that carried it. The answer comes back in chat after the session (the office sends it once).
/// </summary>
public sealed class DialogueQuestionDialog : ComponentDialog
{
    public const string DialogId = "dialogue-question";
    private const string Steps = "dialogue-question.steps";
    private const string QuestionPrompt = "dialogue-question.text";

    /// <summary>The question column holds 2,000 characters (one Zalo message).</summary>
    private const int MaxQuestionLength = 2000;

    /// <summary>"Thuế?" is not a question staff can answer; ten characters is a short sentence.</summary>
    private const int MinQuestionLength = 10;

    private readonly IDialogueBoard _board;
    private readonly CchcTexts _texts;

    public DialogueQuestionDialog(IDialogueBoard board, CchcTexts texts)
        : base(DialogId)
    {
        _board = board;
        _texts = texts;
        AddDialog(new WaterfallDialog(Steps, [AskAsync, SaveAsync]));
        AddDialog(new TextPrompt(QuestionPrompt));
        InitialDialogId = Steps;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var sessionId = step.Result is long id ? id : 0;
        var session = await _board.FindOpenSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            turn.Send(_texts.DialogueClosed, [MessageButton.Show(turn.Texts.MenuButton)]);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["session"] = session.Id;
        step.Values["sessionTitle"] = session.Title;
        return await step.PromptAsync(QuestionPrompt, new PromptOptions
        {
            Text = CchcTexts.Fill(_texts.DialogueQuestionPrompt, ("max", MaxQuestionLength)), MinLength = MinQuestionLength, MaxLength = MaxQuestionLength,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<string> { Succeeded: true, Value: { } question })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = step.Turn;
        var sessionId = step.Values["session"]!.GetValue<long>();
        turn.Record(new AskDialogueQuestion(sessionId, turn.Activity.UserId, question, "dialogue-question:" + turn.Activity.MessageId));
        turn.Send(CchcTexts.Fill(_texts.DialogueQuestionSaved, ("session", step.GetString("sessionTitle"))),
        [
            MessageButton.Hidden(_texts.ButtonAskMore, CchcChat.AskCommand + sessionId.ToString(CultureInfo.InvariantCulture)),
            MessageButton.Show(turn.Texts.MenuButton),
        ]);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
