using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Dialogs.Content;

/// <summary>
/// Citizen-facing texts of the CCHC section and the business dialogue, from <c>cchc.vi.yaml</c> (snake_case keys, one per
/// property). Like <see cref="BotTexts"/>: unknown keys, missing or empty texts and texts over 2,000 characters fail at load.
/// </summary>
public sealed class CchcTexts
{
    public const string ResourceName = "ZaloBot.Dialogs.Content.cchc.vi.yaml";
    private const int MaxTextLength = 2000;

    private static readonly Lazy<CchcTexts> DefaultTexts = new(() =>
    {
        using var stream = typeof(CchcTexts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    });

    public string PostPush { get; set; } = string.Empty;

    public string ButtonRead { get; set; } = string.Empty;

    public string ButtonVideo { get; set; } = string.Empty;

    public string ButtonLink { get; set; } = string.Empty;

    public string ButtonMore { get; set; } = string.Empty;

    public string LatestHeader { get; set; } = string.Empty;

    public string LatestNone { get; set; } = string.Empty;

    public string NoMore { get; set; } = string.Empty;

    public string SubscribeHint { get; set; } = string.Empty;

    public string Subscribed { get; set; } = string.Empty;

    public string AlreadySubscribed { get; set; } = string.Empty;

    public string Unsubscribed { get; set; } = string.Empty;

    public string NotSubscribed { get; set; } = string.Empty;

    public string NewPostsNotice { get; set; } = string.Empty;

    public string DialogueAnswer { get; set; } = string.Empty;

    /// <summary>One question and its answer in the Q&amp;A post of a dialogue session.</summary>
    public string QaLine { get; set; } = string.Empty;

    /// <summary>The chat entry ("Tin cải cách hành chính"): the OA menu item sends it, typed with or without diacritics.</summary>
    public string MenuNews { get; set; } = string.Empty;

    /// <summary>One post in a chat list: {n}, {title}, {summary}.</summary>
    public string ListLine { get; set; } = string.Empty;

    /// <summary>The "open the post" button of post {n} in a chat list.</summary>
    public string ButtonReadNumbered { get; set; } = string.Empty;

    public string ButtonSubscribe { get; set; } = string.Empty;

    public string DialogueIntro { get; set; } = string.Empty;

    /// <summary>One open session: {n}, {title}, {when}, {place}, {deadline}, {topics}.</summary>
    public string DialogueSessionLine { get; set; } = string.Empty;

    public string DialoguePlaceOnline { get; set; } = string.Empty;

    public string ButtonDialogueRegister { get; set; } = string.Empty;

    public string ButtonDialogueAsk { get; set; } = string.Empty;

    public string ButtonDialogueLink { get; set; } = string.Empty;

    public string DialogueClosed { get; set; } = string.Empty;

    public string DialogueAlreadyRegistered { get; set; } = string.Empty;

    public string DialogueNamePrompt { get; set; } = string.Empty;

    public string DialogueFieldPrompt { get; set; } = string.Empty;

    public string DialogueTaxPrompt { get; set; } = string.Empty;

    public string DialogueTaxInvalid { get; set; } = string.Empty;

    /// <summary>The contact question; the citizen's answer to it is their consent, stored with the registration.</summary>
    public string DialogueContactPrompt { get; set; } = string.Empty;

    public string DialogueContactFormTitle { get; set; } = string.Empty;

    public string DialogueContactFormSubtitle { get; set; } = string.Empty;

    /// <summary>{session}, {business}, {field}, {tax}, {contact}.</summary>
    public string DialogueSummary { get; set; } = string.Empty;

    public string DialogueNoValue { get; set; } = string.Empty;

    public string DialogueContactZaloOnly { get; set; } = string.Empty;

    public string DialogueConfirmYes { get; set; } = string.Empty;

    public string DialogueConfirmNo { get; set; } = string.Empty;

    public string DialogueRegistered { get; set; } = string.Empty;

    public string DialogueRegisterCancelled { get; set; } = string.Empty;

    public string DialogueQuestionPrompt { get; set; } = string.Empty;

    public string DialogueQuestionSaved { get; set; } = string.Empty;

    public string ButtonAskNow { get; set; } = string.Empty;

    public string ButtonAskMore { get; set; } = string.Empty;

    /// <summary>A staff member's link code was right: {name} is their console name.</summary>
    public string StaffLinkDone { get; set; } = string.Empty;

    public string StaffLinkInvalid { get; set; } = string.Empty;

    /// <summary>Phrases (matched as whole words, folded) that ask for the latest posts: "có tin gì mới về dịch vụ công không".</summary>
    public List<string> NewsWords { get; set; } = [];

    /// <summary>Exact answers that page on after a list ("xem thêm").</summary>
    public List<string> MoreWords { get; set; } = [];

    /// <summary>Phrases that subscribe ("đăng ký nhận tin"); unsubscribe phrases are checked first.</summary>
    public List<string> SubscribeWords { get; set; } = [];

    /// <summary>Phrases that unsubscribe anywhere in a message ("hủy nhận tin").</summary>
    public List<string> UnsubscribeWords { get; set; } = [];

    /// <summary>One-word opt-outs ("stop", "TC"): unsubscribe only as the whole message and only from a subscriber.</summary>
    public List<string> UnsubscribeExactWords { get; set; } = [];

    /// <summary>Phrases that open the business dialogue ("đối thoại doanh nghiệp").</summary>
    public List<string> DialogueWords { get; set; } = [];

    /// <summary>The texts shipped in the assembly (the same file the host may override).</summary>
    public static CchcTexts Default => DefaultTexts.Value;

    public static CchcTexts Parse(string yaml)
    {
        CchcTexts? texts;
        try
        {
            texts = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<CchcTexts>(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"cchc texts: {ex.Message}", ex);
        }

        if (texts is null)
        {
            throw new FormatException("cchc texts: the file is empty.");
        }

        var errors = typeof(CchcTexts).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite)
            .Select(p => (p.Name, Value: (string?)p.GetValue(texts)))
            .Where(p => string.IsNullOrWhiteSpace(p.Value) || p.Value.Length > MaxTextLength)
            .Select(p => $"{p.Name} is empty or longer than {MaxTextLength} characters.")
            .ToList();
        errors.AddRange(typeof(CchcTexts).GetProperties()
            .Where(p => p.PropertyType == typeof(List<string>))
            .Where(p => p.GetValue(texts) is not List<string> { Count: > 0 } list || list.Any(string.IsNullOrWhiteSpace))
            .Select(p => $"{p.Name} needs at least one non-empty word."));
        return errors.Count == 0 ? texts : throw new FormatException("cchc texts: " + string.Join(" ", errors));
    }

    /// <summary>Replaces {name} placeholders; values are formatted with the invariant culture.</summary>
    public static string Fill(string template, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return builder.ToString();
    }
}
