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
