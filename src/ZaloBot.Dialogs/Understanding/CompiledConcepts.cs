using System.Collections.Frozen;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>A <see cref="ConceptThesaurus"/> compiled for one normaliser: phrase lookup by first word.</summary>
internal sealed class CompiledConcepts(string[] names, bool[] documentProcedures, FrozenDictionary<string, (string[] Words, string?[] Tones, int Concept)[]> byFirst, IReadOnlySet<string> words)
{
    private readonly ConceptKind[] _kinds = names.Select(ReportShape.KindOf).ToArray();

    // The feature of each concept, hashed once rather than for every match of every exemplar.
    private readonly ulong[] _features = names.Select(FeatureHash.Word).ToArray();

    public IReadOnlyList<string> Names => names;

    public ConceptKind KindOf(int concept) => _kinds[concept];

    /// <summary>Whether the concept is a procedure whose object may be another agency's document (<see cref="ConceptThesaurus.DocumentProcedures"/>).</summary>
    public bool IsDocumentProcedure(int concept) => documentProcedures[concept];

    /// <summary>The feature a match of the concept adds: <see cref="FeatureHash.Word"/> of its name.</summary>
    public ulong FeatureOf(int concept) => _features[concept];

    /// <summary>Every word of every phrase (the typo corrector should know them).</summary>
    public IReadOnlySet<string> Words => words;

    /// <summary>
    /// The tone key a phrase word is compared on, or null when the word carries no mark (then any spelling
    /// matches): y and i merged as in <see cref="RecognizerIndex.CanonicalWord"/>.
    /// </summary>
    public static string? ToneOf(MessageToken token) =>
        token.ToneKey == token.Folded ? null : token.ToneKey.Replace('y', 'i');

    /// <summary>
    /// Calls <paramref name="found"/> with (concept id, index of the phrase's first word) for every phrase in the words.
    /// Words compare folded; when both the message word and the phrase word carry diacritics their tone keys must
    /// agree too, so a marked "hỏi" is not the phrase word "hôi", nor "thời" "thôi", nor "quận" "quán" (folded they
    /// are equal, and a third of citizens' messages have no marks, where the ambiguity stays).
    /// <paramref name="tones"/>: per word, <see cref="ToneOf"/> of its token, null for an unmarked or corrected word.
    /// </summary>
    public void Match(string[] text, string?[] tones, Action<int, int> found) =>
        MatchSpans(text, tones, (concept, at, _) => found(concept, at));

    /// <summary>As <see cref="Match(string[], string?[], Action{int, int})"/>, with the length of each match in words.</summary>
    public void MatchSpans(string[] text, string?[] tones, Action<int, int, int> found)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!byFirst.TryGetValue(text[i], out var phrases))
            {
                continue;
            }

            foreach (var (phrase, phraseTones, concept) in phrases)
            {
                if (i + phrase.Length <= text.Length && text.AsSpan(i, phrase.Length).SequenceEqual(phrase)
                    && TonesAgree(tones, i, phraseTones))
                {
                    found(concept, i, phrase.Length);
                }
            }
        }
    }

    private static bool TonesAgree(string?[] tones, int start, string?[] phraseTones)
    {
        for (var k = 0; k < phraseTones.Length; k++)
        {
            var message = tones[start + k];
            if (message is not null && phraseTones[k] is { } phrase && !string.Equals(message, phrase, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
