using System.Globalization;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Cchc;

/// <summary>
/// A business registers for a dialogue session: business name → field → tax code (optional) → contact (optional, only
/// with the consent sentence, Zalo form or typed phone) → summary and confirm → <see cref="RegisterForDialogue"/>, keyed by
/// the confirming message. Started with the session id (from the "Đăng ký buổi n" button).
/// </summary>
public sealed class DialogueRegistrationDialog : ComponentDialog
{
    public const string DialogId = "dialogue-register";
    private const string Steps = "dialogue-register.steps";
    private const string NamePrompt = "dialogue-register.name";
    private const string FieldPrompt = "dialogue-register.field";
    private const string TaxPrompt = "dialogue-register.tax";
    private const string ContactPrompt = "dialogue-register.contact";
    private const string ConfirmPromptId = "dialogue-register.confirm";

    /// <summary>The registration table's column widths (business name and field: 200).</summary>
    private const int MaxNameLength = 200;

    private readonly IDialogueBoard _board;
    private readonly CchcTexts _texts;

    public DialogueRegistrationDialog(IDialogueBoard board, CchcTexts texts)
        : base(DialogId)
    {
        _board = board;
        _texts = texts;
        AddDialog(new WaterfallDialog(Steps, [AskNameAsync, AskFieldAsync, AskTaxCodeAsync, AskContactAsync, ConfirmAsync, SubmitAsync]));
        AddDialog(new TextPrompt(NamePrompt));
        AddDialog(new TextPrompt(FieldPrompt));
        AddDialog(new TaxCodePrompt(TaxPrompt));
        AddDialog(new PhonePrompt(ContactPrompt));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        InitialDialogId = Steps;
    }

    private async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var sessionId = step.Result is long id ? id : 0;
        var session = await _board.FindOpenSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            turn.Send(_texts.DialogueClosed, [MessageButton.Show(turn.Texts.MenuButton)]);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (await _board.IsRegisteredAsync(turn.Activity.UserId, session.Id, cancellationToken))
        {
            turn.Send(CchcTexts.Fill(_texts.DialogueAlreadyRegistered, ("session", session.Title)), AskButtons(turn, session.Id));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["session"] = session.Id;
        step.Values["sessionTitle"] = session.Title;
        return await step.PromptAsync(NamePrompt, new PromptOptions { Text = _texts.DialogueNamePrompt, MinLength = 2, MaxLength = MaxNameLength }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskFieldAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<string> { Succeeded: true, Value: { } name })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["business"] = name;
        return await step.PromptAsync(FieldPrompt, new PromptOptions { Text = _texts.DialogueFieldPrompt, MinLength = 2, MaxLength = MaxNameLength }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskTaxCodeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<string> { Succeeded: true, Value: { } field })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["field"] = field;
        return await step.PromptAsync(TaxPrompt, new PromptOptions { Text = _texts.DialogueTaxPrompt, RetryText = _texts.DialogueTaxInvalid, AllowSkip = true }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<string> { Status: PromptStatus.TooManyAttempts })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (step.Result is PromptResult<string> { Succeeded: true, Value: { } tax })
        {
            step.Values["tax"] = tax;
        }

        return await step.PromptAsync(ContactPrompt, new PromptOptions
        {
            Text = _texts.DialogueContactPrompt,
            RetryText = step.Turn.Texts.PromptPhoneInvalid,
            AllowSkip = true,
            InfoRequest = new UserInfoRequest(_texts.DialogueContactFormTitle, _texts.DialogueContactFormSubtitle),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<ContactDetails> { Status: PromptStatus.TooManyAttempts })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (step.Result is PromptResult<ContactDetails> { Succeeded: true, Value: { } contact })
        {
            step.Values["contactName"] = contact.Name;
            step.Values["contactPhone"] = contact.Phone;
        }

        var phone = step.GetString("contactPhone");
        var name = step.GetString("contactName");
        var contactText = phone is null
            ? _texts.DialogueContactZaloOnly
            : string.IsNullOrWhiteSpace(name) ? PhoneNumbers.Mask(phone) : name + " – " + PhoneNumbers.Mask(phone);
        var summary = CchcTexts.Fill(_texts.DialogueSummary,
            ("session", step.GetString("sessionTitle")), ("business", step.GetString("business")), ("field", step.GetString("field")),
            ("tax", step.GetString("tax") ?? _texts.DialogueNoValue), ("contact", contactText));
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions
        {
            Text = summary, YesLabel = _texts.DialogueConfirmYes, NoLabel = _texts.DialogueConfirmNo,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<bool> { Succeeded: true } confirmed)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = step.Turn;
        if (!confirmed.Value)
        {
            turn.Send(_texts.DialogueRegisterCancelled, [MessageButton.Show(turn.Texts.MenuButton)]);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var sessionId = step.Values["session"]!.GetValue<long>();
        var contactName = step.GetString("contactName");
        var contactPhone = step.GetString("contactPhone");
        // The consent is the sentence the citizen answered by sharing their contact, kept with the registration.
        var consent = contactName is not null || contactPhone is not null ? OutgoingMessage.Clip(_texts.DialogueContactPrompt, 1000) : null;
        turn.Record(new RegisterForDialogue(
            sessionId, turn.Activity.UserId, step.GetString("business")!, step.GetString("field")!, step.GetString("tax"),
            contactName, contactPhone, consent, "dialogue-register:" + turn.Activity.MessageId));
        turn.Send(CchcTexts.Fill(_texts.DialogueRegistered, ("business", step.GetString("business")), ("session", step.GetString("sessionTitle"))),
            AskButtons(turn, sessionId));
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private IReadOnlyList<MessageButton> AskButtons(TurnContext turn, long sessionId) =>
        [MessageButton.Hidden(_texts.ButtonAskNow, CchcChat.AskCommand + sessionId.ToString(CultureInfo.InvariantCulture)), MessageButton.Show(turn.Texts.MenuButton)];
}
