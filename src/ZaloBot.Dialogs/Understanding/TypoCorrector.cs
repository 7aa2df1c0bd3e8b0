using System.Collections.Frozen;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Maps a word unknown to the index onto a known word at edit distance 1, SymSpell style: every one-letter
/// deletion of a known word points to the most frequent such word, so a correction costs at most 2 × length
/// lookups. Words shorter than three letters, numbers and markers ("#code") are left alone.
/// </summary>
internal sealed class TypoCorrector
{
    private const int MinLength = 3;

    private readonly FrozenDictionary<string, string> _deletions;
    private readonly FrozenSet<string> _vocabulary;

    private TypoCorrector(FrozenDictionary<string, string> deletions, FrozenSet<string> vocabulary)
    {
        _deletions = deletions;
        _vocabulary = vocabulary;
    }

    /// <summary>From the known words and how often each occurs in the exemplars.</summary>
    public static TypoCorrector Create(Dictionary<string, int> vocabulary)
    {
        var best = new Dictionary<string, (string Word, int Frequency)>(StringComparer.Ordinal);
        foreach (var (word, frequency) in vocabulary)
        {
            if (!Correctable(word))
            {
                continue;
            }

            for (var i = 0; i < word.Length; i++)
            {
                var key = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
                if (!best.TryGetValue(key, out var current) || frequency > current.Frequency
                    || (frequency == current.Frequency && string.CompareOrdinal(word, current.Word) < 0))
                {
                    best[key] = (word, frequency);
                }
            }
        }

        return new TypoCorrector(
            best.ToFrozenDictionary(p => p.Key, p => p.Value.Word, StringComparer.Ordinal),
            vocabulary.Keys.ToFrozenSet(StringComparer.Ordinal));
    }

    public string Correct(string word)
    {
        if (!Correctable(word) || _vocabulary.Contains(word))
        {
            return word;
        }

        // A letter missing ("sin" for "sinh"): the word is a deletion of a known word.
        if (_deletions.TryGetValue(word, out var known))
        {
            return known;
        }

        // One letter too many ("sinnh"): a deletion of the word is itself known.
        for (var i = 0; i < word.Length; i++)
        {
            var deletion = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            if (_vocabulary.Contains(deletion))
            {
                return deletion;
            }
        }

        // A letter replaced or two letters swapped ("dugn"): word and known word share a deletion.
        for (var i = 0; i < word.Length; i++)
        {
            if (_deletions.TryGetValue(string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), out known))
            {
                return known;
            }
        }

        return word;
    }

    private static bool Correctable(string word) => word.Length >= MinLength && word[0] != '#' && !char.IsAsciiDigit(word[0]);
}
