using System.Collections.Frozen;
using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Words and phrases mapped to concepts before matching (<c>content/concepts.yaml</c>): synonyms, regional words and
/// English words of one idea ("hư", "hỏng", "bể", "broken" → <c>problem.broken</c>). A message word that no exemplar
/// has still shares the concept feature with the exemplars that use a synonym, which is how a report about a kind
/// of damage nobody wrote down is recognised. Concept names are <c>kind.name</c>; the kinds <c>object</c>,
/// <c>problem</c>, <c>span</c> and <c>ask</c> feed the report-shape features of <see cref="ReportShape"/>.
/// Phrases match whole words on their folded, normalised form (shorthand expanded, no diacritics).
/// </summary>
public sealed class ConceptThesaurus
{
    /// <summary>Longest phrase in words; longer entries are rejected so matching stays a short scan per word.</summary>
    public const int MaxPhraseWords = 8;

    private readonly IReadOnlyList<(string Concept, IReadOnlyList<string> Phrases)> _entries;

    private ConceptThesaurus(
        IReadOnlyList<(string Concept, IReadOnlyList<string> Phrases)> entries, IReadOnlyList<string> storyOpeners, IReadOnlyList<string> documentProcedures)
    {
        _entries = entries;
        StoryOpeners = storyOpeners;
        DocumentProcedures = documentProcedures;
    }

    public static ConceptThesaurus Empty { get; } = new([], [], []);

    /// <summary>
    /// Sentences citizens put before their question ("Chào ad, nhà tôi ở phường 5."): the recognizer's learned model
    /// is trained on phrasings with these in front, so a story around a question does not change the answer.
    /// </summary>
    public IReadOnlyList<string> StoryOpeners { get; }

    /// <summary>
    /// Procedures of the office whose object may be another agency's document or a person or place elsewhere
    /// (<c>document_procedures</c>: "sao y căn cước", "dùng VNeID đăng nhập dịch vụ công", "xác nhận độc thân cho người ở
    /// nước ngoài"): beside one of these concepts a referral word is the document of the procedure, not the other
    /// agency's business (<see cref="RecognizerOptions.ReferralObjectNoneFactor"/>).
    /// </summary>
    public IReadOnlyList<string> DocumentProcedures { get; }

    /// <summary>Concept names in file order.</summary>
    public IEnumerable<string> Concepts => _entries.Select(e => e.Concept);

    /// <summary>The phrases of every concept, as written in the content.</summary>
    public IReadOnlyList<(string Concept, IReadOnlyList<string> Phrases)> Entries => _entries;

    public static ConceptThesaurus Create(
        IEnumerable<(string Concept, IEnumerable<string> Phrases)> entries, IEnumerable<string>? storyOpeners = null, IEnumerable<string>? documentProcedures = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<(string, IReadOnlyList<string>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (concept, phrases) in entries)
        {
            var name = concept.Trim();
            if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal) || !name.Contains('.', StringComparison.Ordinal))
            {
                throw new FormatException($"Concept '{concept}' must be one word of the form kind.name.");
            }

            if (!seen.Add(name))
            {
                throw new FormatException($"Concept '{name}' is listed twice.");
            }

            var clean = phrases.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (clean.Count == 0)
            {
                throw new FormatException($"Concept '{name}' has no phrases.");
            }

            foreach (var phrase in clean.Where(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxPhraseWords))
            {
                throw new FormatException($"Concept '{name}': phrase '{phrase}' is longer than {MaxPhraseWords} words.");
            }

            list.Add((name, clean));
        }

        var procedures = (documentProcedures ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        foreach (var procedure in procedures.Where(p => !seen.Contains(p)))
        {
            throw new FormatException($"document_procedures names '{procedure}', which is not a concept.");
        }

        return new ConceptThesaurus(list, (storyOpeners ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).ToList(), procedures);
    }

    /// <summary>Reads <c>concepts: { kind.name: [phrase, ...], ... }</c>.</summary>
    public static ConceptThesaurus Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = ContentYaml.Deserialize<ConceptFile>(yaml, "concepts.yaml");

        return file?.Concepts is null ? Empty
            : Create(file.Concepts.Select(p => (p.Key, (IEnumerable<string>)(p.Value ?? []))), file.StoryOpeners, file.DocumentProcedures);
    }

    /// <summary>This thesaurus with more concepts appended (e.g. the referral topics).</summary>
    public ConceptThesaurus With(IEnumerable<(string Concept, IEnumerable<string> Phrases)> more) =>
        Create(_entries.Select(e => (e.Concept, (IEnumerable<string>)e.Phrases)).Concat(more), StoryOpeners, DocumentProcedures);

    /// <summary>
    /// Compiles the phrases with the recognizer's normaliser and word canonicalisation: a lookup from a phrase's
    /// first word to (the remaining words, concept id).
    /// </summary>
    internal CompiledConcepts Compile(TextNormalizer normalizer, Func<string, string> canonical)
    {
        var names = _entries.Select(e => e.Concept).ToArray();
        var byFirst = new Dictionary<string, List<(string[] Words, string?[] Tones, int Concept)>>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < _entries.Count; c++)
        {
            foreach (var phrase in _entries[c].Phrases)
            {
                var normalized = normalizer.Normalize(phrase).Tokens;
                var tokens = normalized.Select(t => canonical(t.Folded)).ToArray();
                var tones = normalized.Select(CompiledConcepts.ToneOf).ToArray();
                if (tokens.Length == 0)
                {
                    continue;
                }

                words.UnionWith(tokens);
                if (!byFirst.TryGetValue(tokens[0], out var list))
                {
                    byFirst[tokens[0]] = list = [];
                }

                if (!list.Exists(e => e.Concept == c && e.Words.AsSpan().SequenceEqual(tokens) && e.Tones.AsSpan().SequenceEqual(tones)))
                {
                    list.Add((tokens, tones, c));
                }
            }
        }

        return new CompiledConcepts(
            names,
            names.Select(DocumentProcedures.Contains).ToArray(),
            byFirst.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            words);
    }

    private sealed class ConceptFile
    {
        public Dictionary<string, List<string>?>? Concepts { get; set; }
        public List<string>? StoryOpeners { get; set; }
        public List<string>? DocumentProcedures { get; set; }
    }
}
