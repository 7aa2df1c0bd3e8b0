using System.Collections.Frozen;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>A <see cref="ConceptThesaurus"/> compiled for one normaliser: phrase lookup by first word.</summary>
internal sealed class CompiledConcepts(string[] names, FrozenDictionary<string, (string[] Words, int Concept)[]> byFirst, IReadOnlySet<string> words)
{
    private readonly ConceptKind[] _kinds = names.Select(ReportShape.KindOf).ToArray();

    public IReadOnlyList<string> Names => names;

    public ConceptKind KindOf(int concept) => _kinds[concept];

    /// <summary>Every word of every phrase (the typo corrector should know them).</summary>
    public IReadOnlySet<string> Words => words;

    /// <summary>Calls <paramref name="found"/> with (concept id, index of the phrase's first word) for every phrase in the words.</summary>
    public void Match(string[] text, Action<int, int> found)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!byFirst.TryGetValue(text[i], out var phrases))
            {
                continue;
            }

            foreach (var (phrase, concept) in phrases)
            {
                if (i + phrase.Length <= text.Length && text.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                {
                    found(concept, i);
                }
            }
        }
    }
}
