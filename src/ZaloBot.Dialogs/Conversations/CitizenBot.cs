using ZaloBot.Dialogs.Cchc;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Text;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// The citizen conversations of "Quận 3 trực tuyến". Each turn, in order:
/// staff events → silence while staff hold the chat → expiry → hidden button commands →
/// interruptions of a running flow (hủy, menu, gặp cán bộ, chào) → the running flow →
/// top-level routing (menu buttons, codes, recognizer).
/// </summary>
public sealed class CitizenBot : IBot
{
    /// <summary>
    /// Mid-flow, the recognizer may cancel only short messages: a description that mentions
    /// "hủy" or "thôi" in passing must not end the intake. Six words covers "thôi không gửi nữa ạ".
    /// </summary>
    private const int MaxWordsForRecognizedCancel = 6;

    private readonly BotPorts _ports;
    private readonly IRecognizer _recognizer;
    private readonly DialogSet _dialogs;
    private readonly FaqResponder _faq;
    private readonly StatusResponder _status;
    private readonly CchcChat? _cchc;

    /// <param name="cchc">The CCHC section and business dialogue in chat (Dialogs/Cchc); none in tests that do not need them.</param>
    public CitizenBot(BotPorts ports, IRecognizer recognizer, CchcChat? cchc = null)
    {
        _cchc = cchc;
        _ports = ports;
        _recognizer = recognizer;
        _faq = new FaqResponder(ports);
        _status = new StatusResponder(ports.FeedbackDesk);
        _dialogs = new DialogSet()
            .Add(new FeedbackIntakeDialog(ports.FeedbackDesk))
            .Add(new HandoffMessageDialog())
            .Add(new PrivacyDialog());
        foreach (var dialog in cchc?.Dialogs ?? [])
        {
            _dialogs.Add(dialog);
        }
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var conversation = turn.State.Conversation;
        var handoff = turn.State.User.Handoff;

        switch (turn.Activity.Type)
        {
            case ActivityType.Follow:
                turn.State.Conversation = new ConversationState();
                SendWelcome(turn);
                return;
            case ActivityType.Unfollow:
                turn.State.Conversation = new ConversationState();
                handoff.Status = HandoffStatus.None;
                return;
            case ActivityType.StaffTookOver:
                handoff.Status = HandoffStatus.WithStaff;
                handoff.Since = turn.Now;
                conversation.DialogStack.Clear();
                turn.Send(texts.HandoffTaken);
                return;
            case ActivityType.StaffReleased:
                handoff.Status = HandoffStatus.None;
                handoff.Since = null;
                turn.Send(texts.HandoffReleased, Formats.MainMenu(texts));
                return;
        }

        if (handoff.Status == HandoffStatus.WithStaff && IsStaffChatIdle(turn))
        {
            handoff.Status = HandoffStatus.None;
            handoff.Since = null;
        }

        if (handoff.Status == HandoffStatus.WithStaff)
        {
            // Staff answer this citizen; the web app shows them the message. Only "kết thúc" is ours.
            if (IsEndOfHandoff(turn))
            {
                EndHandoff(turn);
            }

            return;
        }

        var dc = new DialogContext(_dialogs, turn, conversation.DialogStack);
        var expired = conversation.LastActivityAt is { } last && turn.Now - last > turn.Options.IdleTimeout && dc.ActiveDialog is not null;
        if (expired)
        {
            dc.CancelAllDialogs();
            conversation.PendingQuestion = null;
            turn.Send(texts.Expired);
        }

        if (HiddenCommand.TryParse(turn.Activity.Text) is { } command)
        {
            conversation.PendingQuestion = null;
            await HandleCommandAsync(turn, command, cancellationToken);
            await dc.RepromptDialogAsync(cancellationToken);
            return;
        }

        if (_cchc is not null && await _cchc.TryCommandAsync(dc, cancellationToken))
        {
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            if (!await TryInterruptAsync(dc, cancellationToken))
            {
                await dc.ContinueDialogAsync(cancellationToken);
            }

            return;
        }

        await RouteAsync(dc, expired, cancellationToken);
    }

    /// <summary>Neither the citizen nor a staff event touched the chat for <see cref="BotOptions.HandoffIdleRelease"/>.</summary>
    private static bool IsStaffChatIdle(TurnContext turn)
    {
        var lastCitizen = turn.State.Conversation.LastActivityAt ?? DateTimeOffset.MinValue;
        var takenAt = turn.State.User.Handoff.Since ?? DateTimeOffset.MinValue;
        var lastTouch = lastCitizen > takenAt ? lastCitizen : takenAt;
        return lastTouch != DateTimeOffset.MinValue && turn.Now - lastTouch > turn.Options.HandoffIdleRelease;
    }

    private static void SendWelcome(TurnContext turn) => turn.Send(turn.Texts.Welcome, Formats.MainMenu(turn.Texts));

    private static void SendMenu(TurnContext turn) => turn.Send(turn.Texts.MenuPrompt, Formats.MainMenu(turn.Texts));

    private static bool IsEndOfHandoff(TurnContext turn) =>
        TextFolding.IsOneOf(turn.Activity.Text, [.. turn.Texts.EndHandoffWords, .. turn.Texts.CancelWords, turn.Texts.EndHandoffButton]);

    private async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = turn.Texts;
        var text = turn.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TextFolding.IsOneOf(text, texts.CancelWords) || IsRecognizedCancel(turn, text))
        {
            dc.CancelAllDialogs();
            turn.Send(texts.Cancelled, Formats.MainMenu(texts));
            return true;
        }

        if (TextFolding.IsOneOf(text, [.. texts.MenuWords, texts.MenuButton]))
        {
            dc.CancelAllDialogs();
            SendMenu(turn);
            return true;
        }

        if (TextFolding.IsOneOf(text, [.. texts.HandoffWords, texts.MenuHandoff]))
        {
            dc.CancelAllDialogs();
            await StartHandoffAsync(dc, cancellationToken);
            return true;
        }

        if (TextFolding.IsOneOf(text, texts.GreetingWords))
        {
            turn.Send(texts.InterruptedGreeting);
            await dc.RepromptDialogAsync(cancellationToken);
            return true;
        }

        return false;
    }

    private bool IsRecognizedCancel(TurnContext turn, string text)
    {
        var texts = turn.Texts;

        // A prompt's own answers ("không", "bỏ qua", "xong") are never a cancel, whatever the recognizer thinks.
        if (TextFolding.CountWords(text) > MaxWordsForRecognizedCancel
            || TextFolding.IsOneOf(text, [.. texts.NoWords, .. texts.YesWords, .. texts.SkipWords, .. texts.DoneWords]))
        {
            return false;
        }

        var recognition = _recognizer.Recognize(text);
        return recognition.Decision == RecognitionDecision.Answer && recognition.TopLabel == "intent:cancel";
    }

    private async Task RouteAsync(DialogContext dc, bool expired, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = turn.Texts;
        var activity = turn.Activity;
        var conversation = turn.State.Conversation;
        var text = activity.Text;

        // "Không phải" only refers to the clarification just shown.
        var pendingQuestion = conversation.PendingQuestion;
        conversation.PendingQuestion = null;

        if (activity.Type == ActivityType.SubmittedInfo || string.IsNullOrWhiteSpace(text))
        {
            if (activity.Attachments.Any(a => a.Kind is AttachmentKind.Image or AttachmentKind.File) || activity.Location is not null)
            {
                turn.Send(texts.AttachmentAtTop, Formats.MainMenu(texts));
            }
            else if (!expired)
            {
                SendMenu(turn);
            }

            return;
        }

        if (TextFolding.IsOneOf(text, [texts.MenuAsk]))
        {
            turn.Send(texts.AskPrompt);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuServices]))
        {
            turn.Send(texts.ServicesIntro, texts.ServicesMenu.Take(OutgoingMessage.MaxButtons)
                .Select(s => MessageButton.Hidden(Formats.ButtonTitle(s.Title), HiddenCommand.Build(HiddenCommand.Faq, s.Slug))));
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuFeedback]))
        {
            await dc.BeginDialogAsync(DialogIds.FeedbackIntake, null, cancellationToken);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuStatus]))
        {
            await _status.ShowListAsync(turn, cancellationToken);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuHandoff, .. texts.HandoffWords]))
        {
            await StartHandoffAsync(dc, cancellationToken);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuButton, .. texts.MenuWords]))
        {
            SendMenu(turn);
        }
        else if (turn.State.User.Handoff.Status == HandoffStatus.Requested && IsEndOfHandoff(turn))
        {
            EndHandoff(turn);
        }
        else if (_cchc is not null && await _cchc.TryRouteAsync(dc, cancellationToken))
        {
            // The CCHC section or the business dialogue answered ("stop" unsubscribes a subscriber before it means "hủy").
        }
        else if (TextFolding.IsOneOf(text, texts.CancelWords))
        {
            turn.Send(texts.NothingToCancel, Formats.MainMenu(texts));
        }
        else if (TextFolding.IsOneOf(text, texts.GreetingWords))
        {
            SendWelcome(turn);
        }
        else if (TextFolding.ContainsPhrase(text, texts.PrivacyWords))
        {
            await dc.BeginDialogAsync(DialogIds.Privacy, null, cancellationToken);
        }
        else if (pendingQuestion is { } pending && TextFolding.IsOneOf(text, [texts.ClarifyNoneButton]))
        {
            await _faq.UnknownAsync(turn, pending, cancellationToken);
        }
        else if (conversation.LastTicketKey is { } lastKey && TextFolding.IsOneOf(text, [texts.IntakeConfirmYes])
            && await _ports.FeedbackDesk.FindTicketByKeyAsync(turn.Activity.UserId, lastKey, cancellationToken) is { } last)
        {
            // A second tap on "Gửi phản ánh" after the ticket exists: never a second ticket.
            turn.Send(texts.Fill(texts.IntakeAlreadySent, ("code", last.Code)), Formats.MenuOnly(texts));
        }
        else if (TicketCodes.TryFind(text, turn.LocalNow.Year, out var code))
        {
            await _status.ShowTicketAsync(turn, code, cancellationToken);
        }
        else
        {
            await RecognizeAsync(dc, text, expired, cancellationToken);
        }
    }

    private async Task RecognizeAsync(DialogContext dc, string text, bool expired, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var recognition = _recognizer.Recognize(text);
        switch (recognition.Decision)
        {
            case RecognitionDecision.Answer:
                await AnswerAsync(dc, recognition.TopLabel, text, cancellationToken);
                break;
            case RecognitionDecision.Clarify:
                await _faq.ClarifyAsync(turn, text, recognition.Candidates, cancellationToken);
                break;
            default:
                if (expired)
                {
                    // Likely a reply to the flow that just expired ("2", "có"): show the menu, record nothing.
                    SendMenu(turn);
                }
                else if (recognition.Referral is { } referral)
                {
                    await _faq.ReferAsync(turn, text, referral, cancellationToken);
                }
                else
                {
                    await _faq.UnknownAsync(turn, text, cancellationToken);
                }

                break;
        }
    }

    private async Task AnswerAsync(DialogContext dc, string label, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        switch (label)
        {
            case "intent:feedback":
                await dc.BeginDialogAsync(DialogIds.FeedbackIntake, null, cancellationToken);
                break;
            case "intent:status":
                await _status.ShowListAsync(turn, cancellationToken);
                break;
            case "intent:handoff":
                await StartHandoffAsync(dc, cancellationToken);
                break;
            case "intent:greeting":
                SendWelcome(turn);
                break;
            case "intent:cancel":
                turn.Send(turn.Texts.NothingToCancel, Formats.MainMenu(turn.Texts));
                break;
            default:
                if (!await _faq.AnswerAsync(turn, label, cancellationToken))
                {
                    await _faq.UnknownAsync(turn, text, cancellationToken);
                }

                break;
        }
    }

    private async Task HandleCommandAsync(TurnContext turn, HiddenCommand command, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var desk = _ports.FeedbackDesk;
        var args = command.Arguments;
        switch (command.Name)
        {
            case HiddenCommand.Faq when args.Count == 1:
                if (!await _faq.AnswerAsync(turn, args[0], cancellationToken))
                {
                    SendMenu(turn);
                }

                break;
            case HiddenCommand.Vote when args.Count == 2:
                await _faq.VoteAsync(turn, args[0], args[1] == "up", cancellationToken);
                break;
            case HiddenCommand.Rate when args.Count == 2 && int.TryParse(args[1], out var stars) && stars is >= 1 and <= 5:
                // Only an answered or closed ticket of this user can be rated (the desk refuses others).
                if (await desk.FindTicketAsync(turn.Activity.UserId, args[0], cancellationToken) is { Status: TicketStatus.Answered or TicketStatus.Closed } rated)
                {
                    turn.Record(new RateTicket(turn.Activity.UserId, rated.Code, stars));
                    turn.Send(texts.Fill(texts.RatingThanks, ("stars", stars), ("code", args[0])));
                }
                else
                {
                    turn.Send(texts.Fill(texts.StatusNotFound, ("code", args[0])));
                }

                break;
            case HiddenCommand.Reopen when args.Count == 1:
                if (await desk.FindTicketAsync(turn.Activity.UserId, args[0], cancellationToken) is { } reopened)
                {
                    // A ticket still in progress needs nothing; the citizen hears the same answer.
                    if (reopened.Status is TicketStatus.Answered or TicketStatus.Closed)
                    {
                        turn.Record(new ReopenTicket(turn.Activity.UserId, reopened.Code));
                    }

                    turn.Send(texts.Fill(texts.Reopened, ("code", args[0])));
                }
                else
                {
                    turn.Send(texts.Fill(texts.StatusNotFound, ("code", args[0])));
                }

                break;
            default:
                SendMenu(turn);
                break;
        }
    }

    private async Task StartHandoffAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = turn.Texts;
        var handoff = turn.State.User.Handoff;
        if (handoff.Status == HandoffStatus.Requested && handoff.Since is { } since && turn.Now - since < turn.Options.HandoffWaitTimeout)
        {
            turn.Send(texts.HandoffAlready, [MessageButton.Show(texts.EndHandoffButton)]);
            return;
        }

        var hours = await _ports.StaffDesk.GetOfficeHoursAsync(turn.Now, cancellationToken);
        if (!hours.IsOpen)
        {
            var next = hours.NextOpening is { } opening ? Formats.LocalTime(opening, turn.Options.LocalOffset) : texts.HandoffNextUnknown;
            await dc.BeginDialogAsync(DialogIds.HandoffMessage, next, cancellationToken);
            return;
        }

        turn.Record(new RequestHandoff(new HandoffRequest(turn.Activity.UserId, turn.State.Conversation.LastUnansweredQuestion, false, turn.Now)));
        handoff.Status = HandoffStatus.Requested;
        handoff.Since = turn.Now;
        turn.State.Conversation.LastUnansweredQuestion = null;
        turn.Send(texts.HandoffRequested, [MessageButton.Show(texts.EndHandoffButton)]);
    }

    private static void EndHandoff(TurnContext turn)
    {
        turn.Record(new EndHandoff(turn.Activity.UserId));
        turn.State.User.Handoff.Status = HandoffStatus.None;
        turn.State.User.Handoff.Since = null;
        turn.Send(turn.Texts.HandoffEnded, Formats.MainMenu(turn.Texts));
    }
}
