using ZaloBot.Web.Hosting;
using ZaloBot.Web.Outbox;

namespace ZaloBot.Web.Console;

/// <summary>
/// The console texts that page models set in code (flash messages, refusals, durations, delivery states), from
/// content/console.vi.yaml; the rest of the console's Vietnamese is in its Razor views. Loaded at start-up
/// (<see cref="ContentCheck"/>): a missing, empty or unknown key stops the start.
/// </summary>
public sealed class ConsoleTexts
{
    public const string FileName = "console.vi.yaml";

    private IReadOnlyDictionary<OutboundState, string> _delivery = new Dictionary<OutboundState, string>();

    public string UnitUnknown { get; set; } = "";

    public string SaveFailed { get; set; } = "";

    public string SettingsConflict { get; set; } = "";

    public string SettingsUnitNameEmpty { get; set; } = "";

    public string SettingsUnitSaved { get; set; } = "";

    public string SettingsUnitFieldsRequired { get; set; } = "";

    public string SettingsUnitCodeTaken { get; set; } = "";

    public string SettingsUnitAdded { get; set; } = "";

    public string SettingsDeadlineRange { get; set; } = "";

    public string SettingsCategorySaved { get; set; } = "";

    public string SettingsTemplateFieldsRequired { get; set; } = "";

    public string SettingsTemplateSaved { get; set; } = "";

    public string SettingsDayFieldsRequired { get; set; } = "";

    public string SettingsDayYearRange { get; set; } = "";

    public string SettingsDayNameTooLong { get; set; } = "";

    public string SettingsDayExists { get; set; } = "";

    public string SettingsDayAdded { get; set; } = "";

    public string SettingsDayDeleted { get; set; } = "";

    public string UsersRoleRequired { get; set; } = "";

    public string UsersCreateFailed { get; set; } = "";

    public string UsersCreated { get; set; } = "";

    public string UsersCannotLockSelf { get; set; } = "";

    public string UsersSaved { get; set; } = "";

    public string HandoffAlreadyTaken { get; set; } = "";

    public string HandoffTaken { get; set; } = "";

    public string HandoffNotYours { get; set; } = "";

    public string HandoffMessageEmpty { get; set; } = "";

    public string HandoffReleased { get; set; } = "";

    /// <summary>Flash after a held message went back to the queue from the held-messages screen.</summary>
    public string HeldResent { get; set; } = "";

    public string HandoffConflict { get; set; } = "";

    public string FaqImportNoFile { get; set; } = "";

    public string FaqImportTooLarge { get; set; } = "";

    public string FaqImported { get; set; } = "";

    public string FaqImportInvalid { get; set; } = "";

    public string FaqContentInvalid { get; set; } = "";

    public string FaqSlugTaken { get; set; } = "";

    public string FaqConflict { get; set; } = "";

    public string FaqAdded { get; set; } = "";

    public string FaqSaved { get; set; } = "";

    public string FaqVersionMissing { get; set; } = "";

    public string FaqSlugRequired { get; set; } = "";

    public string FaqFieldsRequired { get; set; } = "";

    public string FaqAnswerTooLong { get; set; } = "";

    public string FaqRelatedUnknown { get; set; } = "";

    public string UnansweredAlreadyHandled { get; set; } = "";

    public string UnansweredSlugUnknown { get; set; } = "";

    public string UnansweredConflict { get; set; } = "";

    public string UnansweredAdded { get; set; } = "";

    public string UnansweredIgnored { get; set; } = "";

    public string SignInTooMany { get; set; } = "";

    public string SignInFailed { get; set; } = "";

    public string SignInLockedOut { get; set; } = "";

    public string OaCheckOk { get; set; } = "";

    public string OaCheckFailed { get; set; } = "";

    public string PrivacyErased { get; set; } = "";

    public string ReportsPeriodInvalid { get; set; } = "";

    public string DurationZero { get; set; } = "";

    public string DurationDays { get; set; } = "";

    public string DurationHours { get; set; } = "";

    public string DurationMinutes { get; set; } = "";

    public Dictionary<string, string>? Delivery { get; set; }

    /// <summary>How an outbox row's state reads on the ticket page.</summary>
    public string DeliveryLabel(OutboundState state) => _delivery[state];

    /// <summary>"2 ngày 3 giờ", "5 giờ 10 phút", "12 phút": as staff read Zalo's reply window and answer times.</summary>
    public string Duration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return DurationZero;
        }

        if (span.TotalDays >= 1)
        {
            return Fill(DurationDays, ("days", (int)span.TotalDays), ("hours", span.Hours));
        }

        return span.TotalHours >= 1
            ? Fill(DurationHours, ("hours", (int)span.TotalHours), ("minutes", span.Minutes))
            : Fill(DurationMinutes, ("minutes", span.Minutes));
    }

    /// <summary>Replaces each {name} placeholder of one of these texts.</summary>
    public static string Fill(string template, params (string Name, object? Value)[] values) => ContentFile.Fill(template, values);

    public static ConsoleTexts Parse(string yaml)
    {
        var texts = ContentFile.Parse<ConsoleTexts>(yaml, FileName);
        texts._delivery = ContentFile.ByEnum<OutboundState>(texts.Delivery, "delivery", FileName);
        return texts;
    }

    public static ConsoleTexts Load(string contentDirectory) => Parse(File.ReadAllText(Path.Combine(contentDirectory, FileName)));
}
