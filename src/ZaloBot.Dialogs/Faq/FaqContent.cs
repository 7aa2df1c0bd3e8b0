using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Dialogs.Faq;

/// <summary>
/// Reads and writes the FAQ content format (<c>content/faq.yaml</c>): a YAML list of entries with
/// <c>slug, category, question, phrasings, related, answer, needs_review, published</c>.
/// <see cref="Serialize"/> output parses back to equal entries, so admins can export, edit and import.
/// </summary>
public static partial class FaqContent
{
    /// <summary>Zalo text messages are limited to 2,000 characters; an answer must fit in one.</summary>
    public const int MaxAnswerLength = 2000;

    public static IReadOnlyList<FaqEntry> Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        List<EntryDocument>? documents;
        try
        {
            documents = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<List<EntryDocument>?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"faq.yaml: {ex.Message}", ex);
        }

        var entries = (documents ?? []).Select(ToEntry).ToList();
        Validate(entries);
        return entries;
    }

    public static string Serialize(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        Validate(list);
        var serializer = new SerializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithEventEmitter(next => new LiteralMultilineEmitter(next))
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.Preserve)
            .Build();
        return serializer.Serialize(list.Select(ToDocument).ToList());
    }

    /// <summary>Throws <see cref="FormatException"/> naming the first entry that breaks a rule.</summary>
    public static void Validate(IReadOnlyList<FaqEntry> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!SlugPattern().IsMatch(entry.Slug))
            {
                throw new FormatException($"FAQ slug '{entry.Slug}' must be lower-case ASCII words joined by '-'.");
            }

            if (entry.Slug == "none")
            {
                throw new FormatException("FAQ slug 'none' is reserved for out-of-scope messages.");
            }

            if (!seen.Add(entry.Slug))
            {
                throw new FormatException($"FAQ slug '{entry.Slug}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(entry.Question) || string.IsNullOrWhiteSpace(entry.Answer))
            {
                throw new FormatException($"FAQ '{entry.Slug}' needs a question and an answer.");
            }

            if (entry.Answer.Length > MaxAnswerLength)
            {
                throw new FormatException($"FAQ '{entry.Slug}' answer has {entry.Answer.Length} characters; the limit is {MaxAnswerLength}.");
            }
        }
    }

    private static FaqEntry ToEntry(EntryDocument d) => new(
        (d.Slug ?? string.Empty).Trim(),
        (d.Category ?? string.Empty).Trim(),
        (d.Question ?? string.Empty).Trim(),
        (d.Phrasings ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
        (d.Related ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList(),
        (d.Answer ?? string.Empty).TrimEnd(),
        d.NeedsReview,
        d.Published);

    private static EntryDocument ToDocument(FaqEntry e) => new()
    {
        Slug = e.Slug,
        Category = e.Category,
        Question = e.Question,
        Phrasings = [.. e.Phrasings],
        Related = [.. e.Related],
        Answer = e.Answer,
        NeedsReview = e.NeedsReview,
        Published = e.Published,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    private sealed class EntryDocument
    {
        public string? Slug { get; set; }
        public string? Category { get; set; }
        public string? Question { get; set; }
        public List<string>? Phrasings { get; set; }
        public List<string>? Related { get; set; }
        public string? Answer { get; set; }
        public bool NeedsReview { get; set; }
        public bool Published { get; set; } = true;
    }

    /// <summary>Writes multi-line answers as YAML literal blocks ("|") so exported files stay readable.</summary>
    private sealed class LiteralMultilineEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string s && s.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo.Style = ScalarStyle.Literal;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
