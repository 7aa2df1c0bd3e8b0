using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// What the recognizer learns besides the FAQ (<c>content/intents.yaml</c>): the intents with their phrasings,
/// out-of-scope exemplars (other agencies' procedures, chit-chat, noise) that teach it to say "none", and
/// stopwords: filler words ("ạ", "ơi", "cho hỏi", "the", "my") that weigh less than content words.
/// </summary>
public sealed record IntentContent(IReadOnlyList<IntentDefinition> Intents, IReadOnlyList<string> OutOfScope, IReadOnlyList<string> Stopwords)
{
    public const string IntentPrefix = "intent:";

    public static IntentContent Empty { get; } = new([], [], []);

    public static IntentContent Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = ContentYaml.Deserialize<IntentFile>(yaml, "intents.yaml");

        if (file is null)
        {
            return Empty;
        }

        var intents = new List<IntentDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var intent in file.Intents ?? [])
        {
            var name = (intent.Name ?? string.Empty).Trim();
            if (!name.StartsWith(IntentPrefix, StringComparison.Ordinal) || name.Length == IntentPrefix.Length)
            {
                throw new FormatException($"Intent name '{name}' must start with '{IntentPrefix}'.");
            }

            if (!seen.Add(name))
            {
                throw new FormatException($"Intent '{name}' is listed twice.");
            }

            intents.Add(new IntentDefinition(name, Clean(intent.Phrasings)));
        }

        return new IntentContent(intents, Clean(file.OutOfScope), Clean(file.Stopwords));
    }

    private static List<string> Clean(List<string>? lines) =>
        (lines ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private sealed class IntentFile
    {
        public List<IntentDocument>? Intents { get; set; }
        public List<string>? OutOfScope { get; set; }
        public List<string>? Stopwords { get; set; }
    }

    private sealed class IntentDocument
    {
        public string? Name { get; set; }
        public List<string>? Phrasings { get; set; }
    }
}
