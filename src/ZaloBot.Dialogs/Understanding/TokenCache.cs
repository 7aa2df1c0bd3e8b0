using System.Text;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// The tokens of raw words already normalised (folded form, tone key, shorthand expanded), for one thread of an
/// index rebuild: a 2,000-entry rebuild normalises about 60,000 exemplars made of a few thousand distinct words, and
/// building three strings per word occurrence was a large share of its allocations. A word's tokens depend on the
/// word alone (and on the normaliser's abbreviations: one cache per normaliser), so the result is the same. Not
/// thread-safe; not for query time (the message stream is unbounded).
/// </summary>
internal sealed class TokenCache
{
    // Words longer than this are normalised without the cache (no stack buffer for them; they are rare).
    private const int MaxWordLength = 64;

    private readonly Dictionary<string, (string Folded, string ToneKey)[]> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Folded, string ToneKey)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TokenCache() => _lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _tokens.Count;

    /// <summary>Adds the tokens of <paramref name="word"/> to <paramref name="tokens"/>, computing them once.</summary>
    public void Add(StringBuilder word, int sentence, List<MessageToken> tokens, Func<string, (string Folded, string ToneKey)[]> compute)
    {
        (string Folded, string ToneKey)[] parts;
        if (word.Length > MaxWordLength)
        {
            parts = compute(word.ToString());
        }
        else
        {
            Span<char> raw = stackalloc char[word.Length];
            word.CopyTo(0, raw, word.Length);
            if (!_lookup.TryGetValue(raw, out parts!))
            {
                var text = new string(raw);
                parts = compute(text);
                _tokens.Add(text, parts);
            }
        }

        foreach (var (folded, toneKey) in parts)
        {
            tokens.Add(new MessageToken(folded, toneKey, sentence));
        }
    }
}
