using ZaloBot.Dialogs.Cchc;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;
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

    /// <summary>Turn item: the kept draft was offered in this turn already (offered once per turn).</summary>
    private const string DraftOfferedItem = "draft-offered";

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
            .Add(new FeedbackIntakeDialog(ports.FeedbackDesk, recognizer, _faq))
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
                // Zalo refuses sends to a non-follower (-213): no more CCHC posts or notices for them.
                turn.Record(new UnsubscribeCchc(turn.Activity.UserId));
                return;
            case ActivityType.StaffTookOver:
                handoff.Status = HandoffStatus.WithStaff;
                handoff.Since = turn.Now;
                ParkIntake(turn);
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
        var returned = false;
        if (expired)
        {
            // A feedback draft is not lost with the conversation: it is kept and offered back (BotOptions.DraftLifetime).
            returned = ParkIntake(turn);
            dc.CancelAllDialogs();
            conversation.PendingQuestion = null;
            if (!returned)
            {
                turn.Send(texts.Expired);
            }
        }

        if (TextFolding.IsOneOf(turn.Activity.Text, [texts.HandoffFileDraftButton]) && ParkedDraft.Get(turn) is { IsComplete: true } complete)
        {
            // Outside office hours: the draft handed to staff becomes a ticket in one tap.
            dc.CancelAllDialogs();
            FeedbackIntakeDialog.Submit(turn, complete);
            return;
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
        if (returned && dc.ActiveDialog is null)
        {
            OfferDraft(turn);
        }
    }

    /// <summary>Moves a running intake's draft to <see cref="ConversationState.Draft"/> (when it holds anything); true if it did.</summary>
    private static bool ParkIntake(TurnContext turn)
    {
        var stack = turn.State.Conversation.DialogStack;
        if (FeedbackIntakeDialog.DraftOf(stack.FirstOrDefault()) is not { } draft
            || (draft.Description is null && draft.CategoryCode is null && draft.WardCode is null)
            || turn.Now - draft.UpdatedAt > turn.Options.DraftLifetime)
        {
            return false;
        }

        ParkedDraft.Set(turn, draft);
        return true;
    }

    private static void OfferDraft(TurnContext turn)
    {
        if (ParkedDraft.Get(turn) is not { } draft || !turn.Items.TryAdd(DraftOfferedItem, true))
        {
            return;
        }

        var texts = turn.Texts;
        var preview = PhoneNumbers.MaskAll(OutgoingMessage.Clip(draft.Description ?? draft.CategoryLabel ?? "", 120));
        turn.Send(texts.Fill(texts.IntakeDraftOffer, ("description", preview)),
            [MessageButton.Show(texts.IntakeResumeButton), MessageButton.Show(texts.IntakeDiscardButton)]);
    }

    private bool IsIntake(DialogContext dc) => dc.ActiveDialog?.Id == DialogIds.FeedbackIntake;

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
            SendMenu(turn);
            if (IsIntake(dc))
            {
                // The menu is a detour: the draft stays open under "Tiếp tục gửi phản ánh?".
                await dc.RepromptDialogAsync(cancellationToken);
            }
            else
            {
                dc.CancelAllDialogs();
            }

            return true;
        }

        if (TextFolding.IsOneOf(text, [.. texts.HandoffWords, texts.MenuHandoff]))
        {
            // Staff see the draft with the request; the citizen can continue it later.
            ParkIntake(turn);
            dc.CancelAllDialogs();
            await StartHandoffAsync(dc, cancellationToken);
            return true;
        }

        if (IsIntake(dc) && await TryDetourAsync(dc, text, cancellationToken))
        {
            await dc.RepromptDialogAsync(cancellationToken);
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

    /// <summary>Menu buttons and ticket codes typed mid-intake are answered; the intake then asks to continue.</summary>
    private async Task<bool> TryDetourAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = turn.Texts;
        if (TextFolding.IsOneOf(text, [texts.MenuStatus]))
        {
            await _status.ShowListAsync(turn, cancellationToken);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuAsk]))
        {
            turn.Send(texts.AskPrompt);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuServices]))
        {
            SendServices(turn);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuFeedback, texts.IntakeResumeButton]))
        {
            // Already writing one: ask the open question again.
        }
        else if (TicketCodes.TryFind(text, turn.LocalNow.Year, out var code) && TextFolding.CountWords(text) <= 3)
        {
            await _status.ShowTicketAsync(turn, code, cancellationToken);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static void SendServices(TurnContext turn) =>
        turn.Send(turn.Texts.ServicesIntro, turn.Texts.ServicesMenu.Take(OutgoingMessage.MaxButtons)
            .Select(s => MessageButton.Hidden(Formats.ButtonTitle(s.Title), HiddenCommand.Build(HiddenCommand.Faq, s.Slug))));

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
            SendServices(turn);
        }
        else if (TextFolding.IsOneOf(text, [texts.MenuFeedback, texts.IntakeResumeButton]))
        {
            // A kept draft is the citizen's own unfinished feedback: resumed rather than typed again.
            await dc.BeginDialogAsync(DialogIds.FeedbackIntake, new IntakeStart(null, ParkedDraft.Get(turn)), cancellationToken);
            ParkedDraft.Set(turn, null);
        }
        else if (TextFolding.IsOneOf(text, [texts.IntakeDiscardButton]))
        {
            ParkedDraft.Set(turn, null);
            turn.Send(texts.IntakeDraftDiscarded, Formats.MainMenu(texts));
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
            OfferDraft(turn);
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
            OfferDraft(turn);
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
        else if (IsShortReply(texts, text))
        {
            // "ok", "có", "xác nhận gửi" answer nothing here: not a question for the FAQ, not recorded as unanswered.
            if (ParkedDraft.Get(turn) is not null)
            {
                OfferDraft(turn);
            }
            else
            {
                SendMenu(turn);
            }
        }
        else
        {
            await RecognizeAsync(dc, text, expired, cancellationToken);
        }
    }

    private static bool IsShortReply(BotTexts texts, string text) =>
        IsShortReplyPhrase(texts, text)
        || (WithoutFillers(texts, text) is { Length: > 0 } core && IsShortReplyPhrase(texts, core))
        || ConfirmPrompt.Match(text, texts.YesWords, texts.NoWords, texts.PoliteParticles) is not null;

    private static bool IsShortReplyPhrase(BotTexts texts, string text) =>
        TextFolding.IsOneOf(text, texts.ShortReplyWords) || TextFolding.IsOneOf(text, [texts.IntakeConfirmYes]);

    /// <summary>"cảm ơn nhiều nha ad" → "cam on": the folded words that are not fillers (empty for fillers only).</summary>
    private static string WithoutFillers(BotTexts texts, string text) =>
        string.Join(' ', TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !TextFolding.IsOneOf(w, texts.ShortReplyFillers)));

    /// <summary>
    /// A report in the citizen's own words starts the intake with that text as its description: the recognizer says
    /// so (intent:feedback), or the words name a category (a cue) in a message as long as a description and not shaped
    /// as a question — also when the recognizer matched an FAQ on a shared word ("hồ sơ … quá hẹn").
    /// </summary>
    private async Task<bool> IsReportAsync(TurnContext turn, string text, Recognition recognition, CancellationToken cancellationToken)
    {
        if (recognition is { Decision: RecognitionDecision.Answer, TopLabel: "intent:feedback" })
        {
            return true;
        }

        var guess = IntakeReader.InferCategory(text, await _ports.FeedbackDesk.GetCategoriesAsync(cancellationToken));
        var named = guess.Category is not null || guess.Candidates.Count > 0;
        if (guess.Category?.Kind == CategoryKind.Emergency)
        {
            return true;
        }

        return named && text.Trim().Length >= turn.Options.DescriptionMinLength && !IntakeReader.IsQuestion(text, turn.Texts);
    }

    private async Task RecognizeAsync(DialogContext dc, string text, bool expired, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var recognition = _recognizer.Recognize(text);
        if (await IsReportAsync(turn, text, recognition, cancellationToken))
        {
            await dc.BeginDialogAsync(DialogIds.FeedbackIntake, new IntakeStart(text, null), cancellationToken);
            return;
        }

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
                if (await desk.FindTicketAsync(turn.Activity.UserId, args[0], cancellationToken) is { Status: TicketProgress.Answered or TicketProgress.Closed } rated)
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
                    if (reopened.Status is TicketProgress.Answered or TicketProgress.Closed)
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
            var next = hours.NextOpening is { } opening ? Formats.LocalTime(texts, opening) : texts.HandoffNextUnknown;
            await dc.BeginDialogAsync(DialogIds.HandoffMessage, next, cancellationToken);
            return;
        }

        turn.Record(new RequestHandoff(new HandoffRequest(turn.Activity.UserId, HandoffNote(turn), false, turn.Now)));
        handoff.Status = HandoffStatus.Requested;
        handoff.Since = turn.Now;
        turn.State.Conversation.LastUnansweredQuestion = null;
        turn.Send(texts.HandoffRequested, [MessageButton.Show(texts.EndHandoffButton)]);
    }

    /// <summary>What staff should see with the request: the question the bot could not answer and the draft being written.</summary>
    internal static string? HandoffNote(TurnContext turn)
    {
        var parts = new[] { turn.State.Conversation.LastUnansweredQuestion, ParkedDraft.Get(turn) is { } draft ? FeedbackIntakeDialog.StaffNote(turn.Texts, draft) : null };
        var note = string.Join("\n", parts.OfType<string>());
        return note.Length == 0 ? null : note;
    }

    private static void EndHandoff(TurnContext turn)
    {
        turn.Record(new EndHandoff(turn.Activity.UserId));
        turn.State.User.Handoff.Status = HandoffStatus.None;
        turn.State.User.Handoff.Since = null;
        turn.Send(turn.Texts.HandoffEnded, Formats.MainMenu(turn.Texts));
    }
}
