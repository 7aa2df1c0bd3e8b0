using System.Globalization;
using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Dialogs.Content;

/// <summary>
/// Every citizen-facing text of the bot, read from <c>bot-texts.vi.yaml</c> (snake_case keys, one
/// per property). <see cref="Parse"/> rejects unknown keys, missing or empty texts and texts over
/// 2,000 characters, so a typo in the content file fails at start, not in front of a citizen.
/// </summary>
public sealed class BotTexts
{
    public const string ResourceName = "ZaloBot.Dialogs.Content.bot-texts.vi.yaml";
    private const int MaxTextLength = 2000;

    private static readonly Lazy<BotTexts> DefaultTexts = new(() =>
    {
        using var stream = typeof(BotTexts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    });

    public string Welcome { get; set; } = string.Empty;

    public string MenuPrompt { get; set; } = string.Empty;

    /// <summary>How a date and time is shown to citizens (a .NET format string: "HH:mm 'ngày' dd/MM/yyyy").</summary>
    public string DateTimeFormat { get; set; } = string.Empty;

    /// <summary>The word before a house number in an address the bot writes back ("số 12 Võ Văn Tần").</summary>
    public string AddressHouse { get; set; } = string.Empty;

    /// <summary>The words before an alley number: "hẻm" (southern), "ngõ" (northern), "kiệt" (central).</summary>
    public string AddressAlley { get; set; } = string.Empty;

    public string AddressLane { get; set; } = string.Empty;

    public string AddressKiet { get; set; } = string.Empty;

    public string MenuAsk { get; set; } = string.Empty;

    public string MenuServices { get; set; } = string.Empty;

    public string MenuFeedback { get; set; } = string.Empty;

    public string MenuStatus { get; set; } = string.Empty;

    public string MenuHandoff { get; set; } = string.Empty;

    public string MenuButton { get; set; } = string.Empty;

    public string AskPrompt { get; set; } = string.Empty;

    public string ServicesIntro { get; set; } = string.Empty;

    public List<ServiceLink> ServicesMenu { get; set; } = [];

    public string AttachmentAtTop { get; set; } = string.Empty;

    public string MediaSkipped { get; set; } = string.Empty;

    public string FaqHelpful { get; set; } = string.Empty;

    public string FaqVoteUpButton { get; set; } = string.Empty;

    public string FaqVoteDownButton { get; set; } = string.Empty;

    public string FaqVoteThanks { get; set; } = string.Empty;

    public string FaqVoteSorry { get; set; } = string.Empty;

    public string ClarifyIntro { get; set; } = string.Empty;

    public string ClarifyNoneButton { get; set; } = string.Empty;

    public string Unknown { get; set; } = string.Empty;

    public string Expired { get; set; } = string.Empty;

    public string Cancelled { get; set; } = string.Empty;

    public string NothingToCancel { get; set; } = string.Empty;

    public string InterruptedGreeting { get; set; } = string.Empty;

    public string ErrorApology { get; set; } = string.Empty;

    public string RateLimited { get; set; } = string.Empty;

    public string PromptGaveUp { get; set; } = string.Empty;

    public string PromptTextExpected { get; set; } = string.Empty;

    public string PromptTextTooShort { get; set; } = string.Empty;

    public string PromptTextTooLong { get; set; } = string.Empty;

    public string PromptConfirmRetry { get; set; } = string.Empty;

    public string PromptPhoneInvalid { get; set; } = string.Empty;

    public string ChoiceMore { get; set; } = string.Empty;

    public string YesButton { get; set; } = string.Empty;

    public string NoButton { get; set; } = string.Empty;

    public string SkipButton { get; set; } = string.Empty;

    public List<string> YesWords { get; set; } = [];

    public List<string> NoWords { get; set; } = [];

    public List<string> PoliteParticles { get; set; } = [];

    public List<string> SkipWords { get; set; } = [];

    public List<string> DoneWords { get; set; } = [];

    public List<string> CancelWords { get; set; } = [];

    public List<string> MenuWords { get; set; } = [];

    public List<string> HandoffWords { get; set; } = [];

    public List<string> EndHandoffWords { get; set; } = [];

    public List<string> GreetingWords { get; set; } = [];

    public List<string> PrivacyWords { get; set; } = [];

    public string IntakeCategoryPrompt { get; set; } = string.Empty;

    public string IntakeCategoryRetry { get; set; } = string.Empty;

    public string IntakeComplaintRoute { get; set; } = string.Empty;

    public string IntakeEmergency { get; set; } = string.Empty;

    public string Call113Button { get; set; } = string.Empty;

    public string Call114Button { get; set; } = string.Empty;

    public string Call115Button { get; set; } = string.Empty;

    public string IntakeWardPrompt { get; set; } = string.Empty;

    public string IntakeWardRetry { get; set; } = string.Empty;

    public string IntakeDescriptionPrompt { get; set; } = string.Empty;





    public string IntakeContactPrompt { get; set; } = string.Empty;

    public string IntakeContactFormTitle { get; set; } = string.Empty;

    public string IntakeContactFormSubtitle { get; set; } = string.Empty;

    public string IntakeSummary { get; set; } = string.Empty;

    public string IntakeSummaryPhotos { get; set; } = string.Empty;

    public string IntakeSummaryNone { get; set; } = string.Empty;

    public string IntakeSummaryLocationShared { get; set; } = string.Empty;

    public string IntakeSummaryContactZaloOnly { get; set; } = string.Empty;

    public string IntakeConfirmYes { get; set; } = string.Empty;

    public string IntakeConfirmNo { get; set; } = string.Empty;

    public string IntakeCreated { get; set; } = string.Empty;

    public string IntakeCancelled { get; set; } = string.Empty;

    public string IntakeWardDoubt { get; set; } = string.Empty;

    public string IntakeConfirmRetry { get; set; } = string.Empty;

    /// <summary>After <see cref="Engine.BotOptions.MaxPromptAttempts"/> answers not understood: explained once more, a person offered, nothing dropped.</summary>
    public string IntakeStillUnclear { get; set; } = string.Empty;

    /// <summary>After a detour mid-intake; {question} is the open question.</summary>
    public string IntakeContinue { get; set; } = string.Empty;

    public string IntakeDetailsAdded { get; set; } = string.Empty;

    public string IntakePhotoAdded { get; set; } = string.Empty;

    public string IntakeLocationAdded { get; set; } = string.Empty;

    public string IntakeResumed { get; set; } = string.Empty;

    public string IntakeDraftOffer { get; set; } = string.Empty;

    public string IntakeResumeButton { get; set; } = string.Empty;

    public string IntakeDiscardButton { get; set; } = string.Empty;

    public string IntakeDraftDiscarded { get; set; } = string.Empty;

    public string IntakeEditCategoryButton { get; set; } = string.Empty;

    public string IntakeEditWardButton { get; set; } = string.Empty;

    public string IntakeEditDescriptionButton { get; set; } = string.Empty;

    public List<string> IntakeEditCategoryWords { get; set; } = [];

    public List<string> IntakeEditWardWords { get; set; } = [];

    public List<string> IntakeEditDescriptionWords { get; set; } = [];

    public string IntakeSummaryInferred { get; set; } = string.Empty;

    /// <summary>Staff read it with a handoff request: the draft the citizen was writing.</summary>
    public string HandoffDraftNote { get; set; } = string.Empty;

    public string HandoffFileDraftButton { get; set; } = string.Empty;

    public List<string> QuestionWords { get; set; } = [];

    public List<string> ShortReplyWords { get; set; } = [];

    /// <summary>Words around a short reply that change nothing ("cảm ơn nhiều nha"), left out before matching it.</summary>
    public List<string> ShortReplyFillers { get; set; } = [];

    /// <summary>Openers of an aside mid-intake ("à mà", "cho hỏi"), left out before the question is matched.</summary>
    public List<string> QuestionOpeners { get; set; } = [];

    public string IntakeAlreadySent { get; set; } = string.Empty;

    public string StatusNone { get; set; } = string.Empty;

    public string StatusListIntro { get; set; } = string.Empty;

    public string StatusListLine { get; set; } = string.Empty;

    public string StatusListHint { get; set; } = string.Empty;

    public string StatusDetail { get; set; } = string.Empty;

    public string StatusNoReply { get; set; } = string.Empty;

    public string StatusUnitPending { get; set; } = string.Empty;

    public string StatusNotFound { get; set; } = string.Empty;

    public string StatusReceived { get; set; } = string.Empty;

    public string StatusInProgress { get; set; } = string.Empty;

    public string StatusAnswered { get; set; } = string.Empty;

    public string StatusClosed { get; set; } = string.Empty;

    public string StatusReopened { get; set; } = string.Empty;

    public string HandoffRequested { get; set; } = string.Empty;

    public string HandoffAlready { get; set; } = string.Empty;

    public string HandoffOutsideHours { get; set; } = string.Empty;

    public string HandoffNextUnknown { get; set; } = string.Empty;

    public string HandoffMessagePrompt { get; set; } = string.Empty;

    public string HandoffMessageSaved { get; set; } = string.Empty;

    public string HandoffNoMessage { get; set; } = string.Empty;

    public string HandoffTaken { get; set; } = string.Empty;

    public string HandoffReleased { get; set; } = string.Empty;

    public string HandoffEnded { get; set; } = string.Empty;

    public string EndHandoffButton { get; set; } = string.Empty;

    public string NotifyStatusChanged { get; set; } = string.Empty;

    public string NotifyStaffReply { get; set; } = string.Empty;

    public string NotifyRatingPrompt { get; set; } = string.Empty;

    /// <summary>Status notices the console sends ({code}; {reason} where staff must state one).</summary>
    public string NotifyTicketAccepted { get; set; } = string.Empty;

    public string NotifyTicketInProgress { get; set; } = string.Empty;

    public string NotifyTicketClosed { get; set; } = string.Empty;

    public string NotifyTicketRejected { get; set; } = string.Empty;

    public string NotifyTicketTransferred { get; set; } = string.Empty;

    public string NotifyTicketReopened { get; set; } = string.Empty;

    public string NotifyReopenPrompt { get; set; } = string.Empty;

    public string ReopenButton { get; set; } = string.Empty;

    public string RatingThanks { get; set; } = string.Empty;

    public string Reopened { get; set; } = string.Empty;

    public string PrivacyExplain { get; set; } = string.Empty;

    public string PrivacyConfirm { get; set; } = string.Empty;

    public string PrivacyRecorded { get; set; } = string.Empty;

    public string PrivacyKept { get; set; } = string.Empty;

    /// <summary>The texts shipped in the assembly (the same file the host may override).</summary>
    public static BotTexts Default => DefaultTexts.Value;

    public static BotTexts Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        BotTexts? texts;
        try
        {
            texts = deserializer.Deserialize<BotTexts>(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"bot texts: {ex.Message}", ex);
        }

        if (texts is null)
        {
            throw new FormatException("bot texts: the file is empty.");
        }

        var errors = texts.Validate();
        return errors.Count == 0 ? texts : throw new FormatException("bot texts: " + string.Join(" ", errors));
    }

    /// <summary>Replaces {name} placeholders; values are formatted with the invariant culture.</summary>
    public string Fill(string template, params (string Name, object? Value)[] values)
    {
        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return builder.ToString();
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var property in typeof(BotTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = UnderscoredNamingConvention.Instance.Apply(property.Name);
            switch (property.GetValue(this))
            {
                case string text when string.IsNullOrWhiteSpace(text):
                    errors.Add($"'{key}' is missing or empty.");
                    break;
                case string text when text.Length > MaxTextLength:
                    errors.Add($"'{key}' is longer than {MaxTextLength} characters.");
                    break;
                case System.Collections.ICollection { Count: 0 }:
                    errors.Add($"'{key}' must list at least one entry.");
                    break;
            }
        }

        if (ServicesMenu.Count > 5 || ServicesMenu.Any(s => string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Slug)))
        {
            errors.Add("'services_menu' needs 1 to 5 entries, each with a title and a slug.");
        }

        return errors;
    }
}
