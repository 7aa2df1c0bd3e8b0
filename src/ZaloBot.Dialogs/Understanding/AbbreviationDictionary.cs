using System.Collections.Frozen;
using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Shorthand and teencode that citizens type on Zalo ("ko", "đc", "hs", "ubnd"), mapped to full words.
/// Loaded from <c>content/abbreviations.yaml</c> so staff can add entries without a release.
/// Keys match a whole token by its tone-canonical form: "a" (anh) does not match "ạ" (a polite particle).
/// </summary>
public sealed class AbbreviationDictionary
{
    private readonly FrozenDictionary<string, string[]> _expansions;

    private AbbreviationDictionary(FrozenDictionary<string, string[]> expansions) => _expansions = expansions;

    public static AbbreviationDictionary Empty { get; } = new(FrozenDictionary<string, string[]>.Empty);

    public int Count => _expansions.Count;

    public static AbbreviationDictionary Create(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var trimmed = key.Trim();
            if (trimmed.Length == 0 || trimmed.Contains(' ', StringComparison.Ordinal))
            {
                throw new FormatException($"Abbreviation key '{key}' must be one word.");
            }

            var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                throw new FormatException($"Abbreviation '{key}' has an empty expansion.");
            }

            var tokenKey = VietnameseText.ToneKey(trimmed.Normalize(System.Text.NormalizationForm.FormC));
            if (!map.TryAdd(tokenKey, words))
            {
                throw new FormatException($"Abbreviation '{key}' is listed twice.");
            }
        }

        return new AbbreviationDictionary(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Reads <c>abbreviations: { key: expansion, ... }</c>.</summary>
    public static AbbreviationDictionary Parse(string yaml)
    {
        var file = ContentYaml.Deserialize<AbbreviationFile>(yaml, "abbreviations.yaml");

        return file?.Abbreviations is null ? Empty : Create(file.Abbreviations);
    }

    /// <summary>The full words for a token given by its tone-canonical key, or null.</summary>
    internal string[]? Expand(string toneKey) => _expansions.GetValueOrDefault(toneKey);

    private sealed class AbbreviationFile
    {
        public Dictionary<string, string>? Abbreviations { get; set; }
    }
}
