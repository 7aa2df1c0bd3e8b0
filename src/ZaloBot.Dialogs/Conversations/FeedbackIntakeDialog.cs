using System.Text.Json;
using System.Text.Json.Nodes;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Prompts;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// "Gửi phản ánh": category → ward → description → photos (optional) → location (optional) →
/// contact with consent (optional; Zalo form or typed phone) → summary and confirm → ticket.
/// The ticket is created with the confirming message's id as idempotency key, so a re-run of that
/// turn returns the same ticket instead of a second one.
/// </summary>
public sealed class FeedbackIntakeDialog : ComponentDialog
{
    private const string Steps = "intake.steps";
    private const string CategoryPrompt = "intake.category";
    private const string WardPrompt = "intake.ward";
    private const string DescriptionPrompt = "intake.description";
    private const string PhotosPrompt = "intake.photos";
    private const string LocationPromptId = "intake.location";
    private const string ContactPrompt = "intake.contact";
    private const string ConfirmPromptId = "intake.confirm";

    /// <summary>How much of the description the summary repeats (the whole text goes into the ticket).</summary>
    private const int SummaryDescriptionLength = 500;

    private readonly IFeedbackDesk _desk;

    public FeedbackIntakeDialog(IFeedbackDesk desk)
        : base(DialogIds.FeedbackIntake)
    {
        _desk = desk;
        AddDialog(new WaterfallDialog(Steps,
        [
            AskCategoryAsync,
            AskWardAsync,
            AskDescriptionAsync,
            AskPhotosAsync,
            AskLocationAsync,
            AskContactAsync,
            ConfirmAsync,
            SubmitAsync,
        ]));
        AddDialog(new ChoicePrompt(CategoryPrompt));
        AddDialog(new ChoicePrompt(WardPrompt));
        AddDialog(new TextPrompt(DescriptionPrompt));
        AddDialog(new AttachmentPrompt(PhotosPrompt));
        AddDialog(new LocationPrompt(LocationPromptId));
        AddDialog(new PhonePrompt(ContactPrompt));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        InitialDialogId = Steps;
    }

    private async Task<DialogTurnResult> AskCategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = step.Turn.Texts;
        var categories = await _desk.GetCategoriesAsync(cancellationToken);
        return await step.PromptAsync(CategoryPrompt, new PromptOptions
        {
            Text = texts.IntakeCategoryPrompt,
            RetryText = texts.IntakeCategoryRetry,
            Choices = categories.Select(c => new Choice(c.Code, c.Label, c.Synonyms)).ToList(),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskWardAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<FoundChoice> { Succeeded: true, Value: { } found })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = step.Turn;
        var texts = turn.Texts;
        var categories = await _desk.GetCategoriesAsync(cancellationToken);
        var category = categories.FirstOrDefault(c => c.Code == found.Value);
        if (category?.Kind == CategoryKind.ComplaintOrDenunciation)
        {
            turn.Send(texts.IntakeComplaintRoute, Formats.MenuOnly(texts));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (category?.Kind == CategoryKind.Emergency)
        {
            turn.Send(texts.IntakeEmergency, [new MessageButton(texts.Call113Button, ButtonKind.OpenPhone, "113"), new MessageButton(texts.Call114Button, ButtonKind.OpenPhone, "114"), new MessageButton(texts.Call115Button, ButtonKind.OpenPhone, "115")]);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["category"] = found.Value;
        step.Values["categoryLabel"] = found.Label;
        var wards = await _desk.GetWardsAsync(cancellationToken);
        return await step.PromptAsync(WardPrompt, new PromptOptions
        {
            Text = texts.IntakeWardPrompt,
            RetryText = texts.IntakeWardRetry,
            Choices = wards.Select(w => new Choice(w.Code, w.Name, w.Synonyms)).ToList(),

            // Ward names hold numbers ("Phường 9"): "9" must mean Phường 9, not the ninth button.
            AcceptNumbers = false,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskDescriptionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<FoundChoice> { Succeeded: true, Value: { } ward })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["ward"] = ward.Value;
        step.Values["wardLabel"] = ward.Label;
        var turn = step.Turn;
        return await step.PromptAsync(DescriptionPrompt, new PromptOptions
        {
            Text = turn.Texts.Fill(turn.Texts.IntakeDescriptionPrompt, ("max", turn.Options.DescriptionMaxLength)),
            MinLength = turn.Options.DescriptionMinLength,
            MaxLength = turn.Options.DescriptionMaxLength,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskPhotosAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<string> { Succeeded: true, Value: { } description })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values["description"] = description;
        var turn = step.Turn;
        if (turn.Options.MaxPhotos == 0)
        {
            return await step.NextAsync(new PromptResult<IReadOnlyList<MessageAttachment>>(PromptStatus.Skipped, null), cancellationToken);
        }

        return await step.PromptAsync(PhotosPrompt, new PromptOptions
        {
            Text = turn.Texts.Fill(turn.Texts.IntakePhotosPrompt, ("max", turn.Options.MaxPhotos)),
            RetryText = turn.Texts.IntakePhotosRetry,
            AllowSkip = true,
            MaxItems = turn.Options.MaxPhotos,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskLocationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<IReadOnlyList<MessageAttachment>> { Status: PromptStatus.TooManyAttempts })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (step.Result is PromptResult<IReadOnlyList<MessageAttachment>> { Succeeded: true, Value: { } photos })
        {
            step.Values["photos"] = JsonSerializer.SerializeToNode(photos, BotStateSerializer.Options);
        }

        var texts = step.Turn.Texts;
        return await step.PromptAsync(LocationPromptId, new PromptOptions
        {
            Text = texts.IntakeLocationPrompt,
            RetryText = texts.IntakeLocationRetry,
            AllowSkip = true,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<GeoLocation> { Status: PromptStatus.TooManyAttempts })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (step.Result is PromptResult<GeoLocation> { Succeeded: true, Value: { } location })
        {
            step.Values["location"] = JsonSerializer.SerializeToNode(location, BotStateSerializer.Options);
        }

        var texts = step.Turn.Texts;
        return await step.PromptAsync(ContactPrompt, new PromptOptions
        {
            Text = texts.IntakeContactPrompt,
            RetryText = texts.PromptPhoneInvalid,
            AllowSkip = true,
            InfoRequest = new UserInfoRequest(texts.IntakeContactFormTitle, texts.IntakeContactFormSubtitle),
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

        var texts = step.Turn.Texts;
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions
        {
            Text = Summary(step),
            YesLabel = texts.IntakeConfirmYes,
            NoLabel = texts.IntakeConfirmNo,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<bool> { Succeeded: true } confirmed)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var turn = step.Turn;
        var texts = turn.Texts;
        if (!confirmed.Value)
        {
            turn.Send(texts.IntakeCancelled, Formats.MainMenu(texts));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var ticket = new NewTicket(
            turn.Activity.UserId,
            step.GetString("category")!,
            step.GetString("ward")!,
            step.GetString("description")!,
            step.Values["photos"]?.Deserialize<List<MessageAttachment>>(BotStateSerializer.Options) ?? [],
            step.Values["location"]?.Deserialize<GeoLocation>(BotStateSerializer.Options),
            step.GetString("contactName"),
            step.GetString("contactPhone"),
            turn.Now);
        var key = Formats.Key(turn, "ticket");
        // The consent the citizen gave is the text they answered (the contact question), kept with the ticket.
        var consent = ticket.ContactName is not null || ticket.ContactPhone is not null ? OutgoingMessage.Clip(texts.IntakeContactPrompt, 1000) : null;
        turn.Record(new CreateTicket(ticket, key, consent));
        turn.State.Conversation.LastTicketKey = key;
        // {code} and {due} are filled by the committer once the ticket is stored (TicketReceipt).
        turn.Send(texts.IntakeCreated, Formats.MenuOnly(texts));
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static string Summary(WaterfallStepContext step)
    {
        var texts = step.Turn.Texts;
        var description = PhoneNumbers.MaskAll(OutgoingMessage.Clip(step.GetString("description") ?? string.Empty, SummaryDescriptionLength));
        var photoCount = (step.Values["photos"] as JsonArray)?.Count ?? 0;
        var location = step.Values["location"]?.Deserialize<GeoLocation>(BotStateSerializer.Options);
        var locationText = location switch
        {
            null => texts.IntakeSummaryNone,
            { Address: { Length: > 0 } address } => PhoneNumbers.MaskAll(OutgoingMessage.Clip(address, 200)),
            _ => texts.IntakeSummaryLocationShared,
        };
        var phone = step.GetString("contactPhone");
        var name = step.GetString("contactName");
        var contactText = phone is null
            ? texts.IntakeSummaryContactZaloOnly
            : string.IsNullOrWhiteSpace(name) ? PhoneNumbers.Mask(phone) : name + " – " + PhoneNumbers.Mask(phone);
        return texts.Fill(texts.IntakeSummary,
            ("category", step.GetString("categoryLabel")),
            ("ward", step.GetString("wardLabel")),
            ("description", description),
            ("photos", photoCount == 0 ? texts.IntakeSummaryNone : texts.Fill(texts.IntakeSummaryPhotos, ("count", photoCount))),
            ("location", locationText),
            ("contact", contactText));
    }
}
