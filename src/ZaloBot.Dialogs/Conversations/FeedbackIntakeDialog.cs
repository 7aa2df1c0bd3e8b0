using System.Text.Json;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;
using ZaloBot.Dialogs.Text;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// "Gửi phản ánh" as a form with slots (<see cref="IntakeDraft"/>): every message fills what it can — the first
/// report is the description draft; category, ward (from "p9", a ward's name or the street → ward table) and address
/// are read from the words; photos, a shared location and the one-tap contact form are taken whenever they come —
/// and only what is missing or doubtful is asked, each question with buttons: category, ward, description, contact
/// (with its consent text), then the summary, which shows what was inferred and lets one field be changed
/// ("Sửa phường"). A question the recognizer answers mid-way is answered, then "Tiếp tục gửi phản ánh?" with the
/// open question. Answers it cannot use are explained once more with a person offered; nothing typed is dropped.
/// The ticket's idempotency key is the confirming message's id, so a re-run of that turn returns the same ticket.
/// </summary>
public sealed class FeedbackIntakeDialog : Dialog
{
    private const string FormKey = "form";

    /// <summary>How much of the description the summary repeats (the whole text goes into the ticket).</summary>
    private const int SummaryDescriptionLength = 500;

    /// <summary>
    /// Mid-intake, "Có phải bạn muốn hỏi…" only above this confidence: "không biết chọn gì" (a lost answer, not a
    /// question) scores 0.20 on its top FAQ entry; the aside "à mà bộ phận một cửa làm việc giờ nào?" 0.56.
    /// </summary>
    private const double MinClarifyConfidence = 0.4;

    /// <summary>A category or ward button list longer than this is cut to the candidates when the words point to a few.</summary>
    private const int MaxWardButtons = 12;

    private readonly IFeedbackDesk _desk;
    private readonly IRecognizer _recognizer;
    private readonly FaqResponder _faq;

    internal FeedbackIntakeDialog(IFeedbackDesk desk, IRecognizer recognizer, FaqResponder faq)
        : base(DialogIds.FeedbackIntake)
    {
        _desk = desk;
        _recognizer = recognizer;
        _faq = faq;
    }

    /// <param name="options">An <see cref="IntakeStart"/>: the report that started it, or a draft to resume.</param>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var start = options as IntakeStart ?? new IntakeStart(null, null);
        var form = new IntakeFormState { Draft = start.Resume ?? new IntakeDraft { StartedAt = turn.Now } };
        form.Draft.UpdatedAt = turn.Now;
        if (start.Resume is not null)
        {
            turn.Send(turn.Texts.IntakeResumed);
        }

        if (start.Message is { } message)
        {
            await ReadAsync(turn, form.Draft, message, overwrite: false, inferCategory: true, cancellationToken);
            if (message.Trim().Length >= turn.Options.DescriptionMinLength)
            {
                form.Draft.Description = Clip(turn, message.Trim());
            }
        }

        return await NextAsync(dc, form, null, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var activity = turn.Activity;
        if (activity.Type is not (ActivityType.Message or ActivityType.SubmittedInfo))
        {
            return DialogTurnResult.Waiting;
        }

        var form = Load(dc.ActiveDialog!);
        var draft = form.Draft;
        var texts = turn.Texts;
        var notes = new List<string>();
        var used = TakeMedia(turn, draft, notes);
        if (PhonePrompt.Read(activity) is { } contact && (activity.Type == ActivityType.SubmittedInfo || form.Asking == IntakeSlot.Contact))
        {
            (draft.ContactName, draft.ContactPhone, draft.ContactAsked) = (contact.Name, contact.Phone, true);
            used = true;
        }

        var text = activity.Text?.Trim();
        if (!used && !string.IsNullOrEmpty(text))
        {
            switch (form.Asking)
            {
                case IntakeSlot.Confirm when YesOrNo(turn, text) is { } confirmed:
                    if (confirmed)
                    {
                        Submit(turn, draft);
                    }
                    else
                    {
                        turn.Send(texts.IntakeCancelled, Formats.MainMenu(texts));
                    }

                    return await dc.EndDialogAsync(null, cancellationToken);
                case IntakeSlot.Confirm when EditedSlot(texts, text) is { } edit:
                    return await AskAsync(dc, form, edit, null, cancellationToken);
                case IntakeSlot.Contact when TextFolding.IsOneOf(text, texts.SkipWords) || YesOrNo(turn, text) == false:
                    draft.ContactAsked = true;
                    used = true;
                    break;
                case IntakeSlot.Category when ChoiceMatching.Match(text, await CategoryChoicesAsync(cancellationToken), acceptNumbers: true) is { } found:
                    await SetCategoryAsync(draft, found.Value, inferred: false, cancellationToken);
                    used = true;
                    break;
                case IntakeSlot.Ward when ChoiceMatching.Match(text, await WardChoicesAsync(cancellationToken), acceptNumbers: false) is { } ward:
                    (draft.WardCode, draft.WardName, draft.WardInferred) = (ward.Value, ward.Label, false);
                    draft.WardCandidates.Clear();
                    used = true;
                    break;
            }

            if (!used && await TryDetourAsync(turn, form, text, cancellationToken))
            {
                // Answered (or "Có phải bạn muốn hỏi…"); the form waits where it was, asked again under "Tiếp tục gửi phản ánh?".
                await RenderAsync(turn, form, texts.IntakeContinue, cancellationToken);
                return Save(dc, form);
            }

            if (form.Asking == IntakeSlot.Description && text.Length > turn.Options.DescriptionMaxLength)
            {
                turn.Send(texts.Fill(texts.PromptTextTooLong, ("length", text.Length), ("max", turn.Options.DescriptionMaxLength)));
                return Save(dc, form);
            }

            // A question nobody could answer is not a report: it names no category and is not the description.
            var question = IntakeReader.IsQuestion(text, texts);
            if (!used)
            {
                used = await ReadAsync(turn, draft, text, overwrite: form.Asking is IntakeSlot.Ward or IntakeSlot.Confirm, inferCategory: !question, cancellationToken);
                if (text.Length >= turn.Options.DescriptionMinLength && !question)
                {
                    // Details typed at another question belong to the description: kept, never asked for again.
                    if (string.IsNullOrWhiteSpace(draft.Description) || form.Asking == IntakeSlot.Description)
                    {
                        draft.Description = Clip(turn, text);
                    }
                    else if (!draft.Description.Contains(text, StringComparison.Ordinal))
                    {
                        draft.Description = Clip(turn, draft.Description + "\n" + text);
                        notes.Add(texts.IntakeDetailsAdded);
                    }

                    used = true;
                }
                else if (form.Asking == IntakeSlot.Description && !used)
                {
                    notes.Add(texts.Fill(texts.PromptTextTooShort, ("min", turn.Options.DescriptionMinLength)) + "{replace}");
                }
            }

        }

        draft.UpdatedAt = turn.Now;
        if (used)
        {
            form.Attempts = 0;
            return await NextAsync(dc, form, notes.Count > 0 ? string.Join("\n", notes) : null, cancellationToken);
        }

        form.Attempts++;
        // A retry text says what to do with the buttons below: it replaces the question instead of preceding it.
        var lead = form.Attempts >= turn.Options.MaxPromptAttempts
            ? texts.IntakeStillUnclear
            : notes.Count > 0 ? string.Join("\n", notes) : RetryText(turn, form.Asking) is { } retry ? retry + "{replace}" : null;
        await RenderAsync(turn, form, lead, cancellationToken);
        return Save(dc, form);
    }

    /// <summary>After a detour (a greeting, a rating, the menu, a status check): "Tiếp tục gửi phản ánh?" and the open question.</summary>
    public override Task RepromptDialogAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        RenderAsync(turn, Load(instance), turn.Texts.IntakeContinue, cancellationToken);

    /// <summary>The draft of a running intake (for a handoff or when the citizen leaves), or null.</summary>
    public static IntakeDraft? DraftOf(DialogInstance? instance) =>
        instance?.Id == DialogIds.FeedbackIntake && instance.State[FormKey] is { } node
            ? node.Deserialize<IntakeFormState>(BotStateSerializer.Options)?.Draft
            : null;

    /// <summary>Records the ticket of a complete draft (with its consent text when it has contact details) and sends the receipt.</summary>
    public static void Submit(TurnContext turn, IntakeDraft draft)
    {
        var texts = turn.Texts;
        var location = draft.Location ?? (draft.Address is { } address ? new GeoLocation(null, null, address) : null);
        var ticket = new NewTicket(turn.Activity.UserId, draft.CategoryCode!, draft.WardCode!, draft.Description!, [.. draft.Photos],
            location, draft.ContactName, draft.ContactPhone, turn.Now);
        var key = Formats.Key(turn, "ticket");
        // The consent the citizen gave is the text they answered (the contact question), kept with the ticket.
        var consent = ticket.ContactName is not null || ticket.ContactPhone is not null ? OutgoingMessage.Clip(texts.IntakeContactPrompt, 1000) : null;
        turn.Record(new CreateTicket(ticket, key, consent));
        turn.State.Conversation.LastTicketKey = key;
        turn.State.Conversation.Draft = null;
        // {code} and {due} are filled by the committer once the ticket is stored (TicketReceipt).
        turn.Send(texts.IntakeCreated, Formats.MenuOnly(texts));
    }

    /// <summary>One line for staff: what the citizen has written so far (a handoff's note).</summary>
    public static string StaffNote(BotTexts texts, IntakeDraft draft) =>
        texts.Fill(texts.HandoffDraftNote,
            ("category", draft.CategoryLabel ?? "?"),
            ("ward", draft.WardName ?? "?"),
            ("description", PhoneNumbers.MaskAll(OutgoingMessage.Clip(draft.Description ?? "", SummaryDescriptionLength))));

    private async Task<DialogTurnResult> NextAsync(DialogContext dc, IntakeFormState form, string? lead, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = turn.Texts;
        var draft = form.Draft;
        var category = draft.CategoryCode is null ? null : (await _desk.GetCategoriesAsync(cancellationToken)).FirstOrDefault(c => c.Code == draft.CategoryCode);
        if (category?.Kind == CategoryKind.ComplaintOrDenunciation)
        {
            turn.Send(texts.IntakeComplaintRoute, Formats.MenuOnly(texts));
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        if (category?.Kind == CategoryKind.Emergency)
        {
            turn.Send(texts.IntakeEmergency, [new MessageButton(texts.Call113Button, ButtonKind.OpenPhone, "113"), new MessageButton(texts.Call114Button, ButtonKind.OpenPhone, "114"), new MessageButton(texts.Call115Button, ButtonKind.OpenPhone, "115")]);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        // From the menu the order is the familiar one (category, ward, description); a report typed first has filled
        // the description and usually more, so fewer questions remain.
        var next = draft.CategoryCode is null ? IntakeSlot.Category
            : draft.WardCode is null ? IntakeSlot.Ward
            : string.IsNullOrWhiteSpace(draft.Description) ? IntakeSlot.Description
            : !draft.ContactAsked ? IntakeSlot.Contact
            : IntakeSlot.Confirm;
        return await AskAsync(dc, form, next, lead, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, IntakeFormState form, IntakeSlot slot, string? lead, CancellationToken cancellationToken)
    {
        if (form.Asking != slot)
        {
            form.Attempts = 0;
        }

        form.Asking = slot;
        await RenderAsync(dc.Turn, form, lead, cancellationToken);
        return Save(dc, form);
    }

    /// <summary>Sends the open question with its buttons; <paramref name="lead"/> goes before it ("{question}" in it is replaced by the question).</summary>
    private async Task RenderAsync(TurnContext turn, IntakeFormState form, string? lead, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var draft = form.Draft;
        var stillUnclear = form.Attempts >= turn.Options.MaxPromptAttempts;
        var person = stillUnclear ? new[] { MessageButton.Show(texts.MenuHandoff) } : [];
        string question;
        List<MessageButton> buttons;
        UserInfoRequest? form2 = null;
        switch (form.Asking)
        {
            case IntakeSlot.Category:
                var categories = await _desk.GetCategoriesAsync(cancellationToken);
                question = texts.IntakeCategoryPrompt;
                buttons = categories.OrderBy(c => draft.CategoryCandidates.Contains(c.Code) ? 0 : 1)
                    .Select(c => MessageButton.Show(Formats.ButtonTitle(c.Label))).ToList();
                break;
            case IntakeSlot.Ward:
                var wards = await _desk.GetWardsAsync(cancellationToken);
                var doubtful = draft.WardCandidates.Count > 1;
                question = doubtful ? texts.Fill(texts.IntakeWardDoubt, ("street", draft.Street)) : texts.IntakeWardPrompt;
                buttons = wards.Where(w => !doubtful || draft.WardCandidates.Contains(w.Code)).Take(MaxWardButtons)
                    .Select(w => MessageButton.Show(w.Name)).ToList();
                break;
            case IntakeSlot.Description:
                question = texts.Fill(texts.IntakeDescriptionPrompt, ("max", turn.Options.DescriptionMaxLength));
                buttons = [];
                break;
            case IntakeSlot.Contact:
                question = texts.IntakeContactPrompt;
                buttons = [MessageButton.Show(texts.SkipButton)];
                form2 = new UserInfoRequest(texts.IntakeContactFormTitle, texts.IntakeContactFormSubtitle);
                break;
            default:
                question = Summary(turn, draft);
                buttons =
                [
                    MessageButton.Show(texts.IntakeConfirmYes),
                    MessageButton.Show(texts.IntakeEditCategoryButton),
                    MessageButton.Show(texts.IntakeEditWardButton),
                    MessageButton.Show(texts.IntakeEditDescriptionButton),
                    MessageButton.Show(texts.IntakeConfirmNo),
                ];
                break;
        }

        var text = lead is null ? question
            : lead.EndsWith("{replace}", StringComparison.Ordinal) ? lead[..^"{replace}".Length]
            : lead.Contains("{question}", StringComparison.Ordinal) ? texts.Fill(lead, ("question", question))
            : lead + "\n" + question;
        if (stillUnclear && form.Asking == IntakeSlot.Confirm)
        {
            buttons[^1] = person[0];
        }
        else
        {
            buttons.AddRange(person);
        }

        for (var i = 0; i < buttons.Count || i == 0; i += OutgoingMessage.MaxButtons)
        {
            var page = buttons.Skip(i).Take(OutgoingMessage.MaxButtons);
            turn.Send(i == 0 ? OutgoingMessage.Create(OutgoingMessage.Clip(text), page, form2, null) : OutgoingMessage.Create(texts.ChoiceMore, page));
        }
    }

    /// <summary>Fills category, ward and address from <paramref name="text"/>; true when it filled something new.</summary>
    private async Task<bool> ReadAsync(TurnContext turn, IntakeDraft draft, string text, bool overwrite, bool inferCategory, CancellationToken cancellationToken)
    {
        var filled = false;
        if (draft.CategoryCode is null && inferCategory)
        {
            var guess = IntakeReader.InferCategory(text, await _desk.GetCategoriesAsync(cancellationToken));
            if (guess.Category is { } category)
            {
                await SetCategoryAsync(draft, category.Code, inferred: true, cancellationToken);
                filled = true;
            }
            else if (guess.Candidates.Count > 0 && !guess.Candidates.SequenceEqual(draft.CategoryCandidates))
            {
                draft.CategoryCandidates = [.. guess.Candidates];
            }
        }

        var wards = await _desk.GetWardsAsync(cancellationToken);
        var canSetWard = draft.WardCode is null || draft.WardInferred || overwrite;
        if (IntakeReader.FindWard(text, wards) is { } named && canSetWard && named.Code != draft.WardCode)
        {
            (draft.WardCode, draft.WardName, draft.WardInferred) = (named.Code, named.Name, true);
            draft.WardCandidates.Clear();
            filled = true;
        }

        if (IntakeReader.FindStreet(text, await _desk.GetStreetsAsync(cancellationToken)) is { } street)
        {
            draft.Address ??= IntakeReader.AddressOf(text, street, turn.Texts);
            draft.Street = street.Name;
            if (draft.WardCode is null && street.WardCodes.Count == 1 && wards.FirstOrDefault(w => w.Code == street.WardCodes[0]) is { } only)
            {
                (draft.WardCode, draft.WardName, draft.WardInferred) = (only.Code, only.Name, true);
                filled = true;
            }
            else if (draft.WardCode is null && street.WardCodes.Count > 1 && !street.WardCodes.SequenceEqual(draft.WardCandidates))
            {
                draft.WardCandidates = [.. street.WardCodes];
                filled = true;
            }
        }

        return filled;
    }

    private static bool TakeMedia(TurnContext turn, IntakeDraft draft, List<string> notes)
    {
        var activity = turn.Activity;
        var used = false;
        var images = activity.Attachments.Where(a => a.Kind == AttachmentKind.Image).ToList();
        if (images.Count > 0)
        {
            var max = turn.Options.MaxPhotos;
            draft.Photos.AddRange(images.Take(Math.Max(0, max - draft.Photos.Count)));
            notes.Add(turn.Texts.Fill(turn.Texts.IntakePhotoAdded, ("count", draft.Photos.Count), ("max", max)));
            used = true;
        }

        if (activity.Location is { } location)
        {
            draft.Location = location;
            notes.Add(turn.Texts.IntakeLocationAdded);
            used = true;
        }

        return used;
    }

    /// <summary>
    /// A question instead of an answer: what the recognizer answers with confidence is answered; a message shaped as a
    /// question that it is unsure about gets "Có phải bạn muốn hỏi…" (its buttons answer and come back here). At the
    /// description, where a report is expected, only a message shaped as a question can be one.
    /// </summary>
    private async Task<bool> TryDetourAsync(TurnContext turn, IntakeFormState form, string text, CancellationToken cancellationToken)
    {
        var question = IntakeReader.IsQuestion(text, turn.Texts);
        if (form.Asking == IntakeSlot.Description && !question)
        {
            return false;
        }

        // "à mà …", "cho hỏi …": the opener of an aside says nothing about what is asked (0.56 with it, 0.64 without).
        var recognition = _recognizer.Recognize(WithoutOpener(turn.Texts, text));
        var faq = recognition.Candidates.Where(c => !c.IsIntent && c.Label != Recognition.None).ToList();
        if (recognition.Decision == RecognitionDecision.Answer && faq.Count > 0 && faq[0].Label == recognition.TopLabel)
        {
            return await _faq.AnswerAsync(turn, faq[0].Label, cancellationToken);
        }

        if (question && recognition.Decision == RecognitionDecision.Clarify && faq.Count > 0 && faq[0].Confidence >= MinClarifyConfidence)
        {
            await _faq.ClarifyAsync(turn, text, faq, cancellationToken);
            return true;
        }

        return false;
    }

    private static string WithoutOpener(BotTexts texts, string text)
    {
        var trimmed = text.TrimStart();
        foreach (var opener in texts.QuestionOpeners.OrderByDescending(o => o.Length))
        {
            if (trimmed.StartsWith(opener + " ", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith(opener + ",", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[(opener.Length + 1)..].TrimStart();
            }
        }

        return text;
    }

    private static bool? YesOrNo(TurnContext turn, string text) =>
        ConfirmPrompt.Match(text, [.. turn.Texts.YesWords, turn.Texts.IntakeConfirmYes], [.. turn.Texts.NoWords, turn.Texts.IntakeConfirmNo], turn.Texts.PoliteParticles);

    private static IntakeSlot? EditedSlot(BotTexts texts, string text) =>
        TextFolding.IsOneOf(text, [texts.IntakeEditWardButton, .. texts.IntakeEditWardWords]) ? IntakeSlot.Ward
        : TextFolding.IsOneOf(text, [texts.IntakeEditCategoryButton, .. texts.IntakeEditCategoryWords]) ? IntakeSlot.Category
        : TextFolding.IsOneOf(text, [texts.IntakeEditDescriptionButton, .. texts.IntakeEditDescriptionWords]) ? IntakeSlot.Description
        : null;

    private static string? RetryText(TurnContext turn, IntakeSlot? slot) => slot switch
    {
        IntakeSlot.Category => turn.Texts.IntakeCategoryRetry,
        IntakeSlot.Ward => turn.Texts.IntakeWardRetry,
        IntakeSlot.Contact => turn.Texts.PromptPhoneInvalid,
        IntakeSlot.Confirm => turn.Texts.IntakeConfirmRetry,
        _ => null,
    };

    private async Task SetCategoryAsync(IntakeDraft draft, string code, bool inferred, CancellationToken cancellationToken)
    {
        var category = (await _desk.GetCategoriesAsync(cancellationToken)).First(c => c.Code == code);
        (draft.CategoryCode, draft.CategoryLabel, draft.CategoryInferred) = (category.Code, category.Label, inferred);
        draft.CategoryCandidates.Clear();
    }

    private async Task<IReadOnlyList<Choice>> CategoryChoicesAsync(CancellationToken cancellationToken) =>
        (await _desk.GetCategoriesAsync(cancellationToken)).Select(c => new Choice(c.Code, c.Label, c.Synonyms)).ToList();

    private async Task<IReadOnlyList<Choice>> WardChoicesAsync(CancellationToken cancellationToken) =>
        (await _desk.GetWardsAsync(cancellationToken)).Select(w => new Choice(w.Code, w.Name, w.Synonyms)).ToList();

    private static string Clip(TurnContext turn, string text) => OutgoingMessage.Clip(text, turn.Options.DescriptionMaxLength);

    private static string Summary(TurnContext turn, IntakeDraft draft)
    {
        var texts = turn.Texts;
        var description = PhoneNumbers.MaskAll(OutgoingMessage.Clip(draft.Description ?? string.Empty, SummaryDescriptionLength));
        var locationText = draft.Location switch
        {
            { Address: { Length: > 0 } address } => PhoneNumbers.MaskAll(OutgoingMessage.Clip(address, 200)),
            { } => texts.IntakeSummaryLocationShared,
            null when draft.Address is { } address => address,
            _ => texts.IntakeSummaryNone,
        };
        var contactText = draft.ContactPhone is not { } phone
            ? texts.IntakeSummaryContactZaloOnly
            : string.IsNullOrWhiteSpace(draft.ContactName) ? PhoneNumbers.Mask(phone) : draft.ContactName + " – " + PhoneNumbers.Mask(phone);
        var inferred = " " + texts.IntakeSummaryInferred;
        return texts.Fill(texts.IntakeSummary,
            ("category", draft.CategoryLabel + (draft.CategoryInferred ? inferred : "")),
            ("ward", draft.WardName + (draft.WardInferred ? inferred : "")),
            ("description", description),
            ("photos", draft.Photos.Count == 0 ? texts.IntakeSummaryNone : texts.Fill(texts.IntakeSummaryPhotos, ("count", draft.Photos.Count))),
            ("location", locationText),
            ("contact", contactText));
    }

    private static IntakeFormState Load(DialogInstance instance) =>
        instance.State[FormKey]?.Deserialize<IntakeFormState>(BotStateSerializer.Options) ?? new IntakeFormState();

    private static DialogTurnResult Save(DialogContext dc, IntakeFormState form)
    {
        dc.ActiveDialog!.State[FormKey] = JsonSerializer.SerializeToNode(form, BotStateSerializer.Options);
        return DialogTurnResult.Waiting;
    }
}
