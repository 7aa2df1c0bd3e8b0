namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// 64-bit FNV-1a hashes of recognizer features, so building and querying allocate no feature strings.
/// With about a million distinct features the chance of any collision is below 1 in 10^7.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Word(string word) => Mix(Mix(Offset, 'w'), word);

    public static ulong Bigram(string first, string second) => Mix(Mix(Mix(Mix(Offset, 'b'), first), ' '), second);

    /// <summary>Trigram of "&lt;word&gt;" starting at <paramref name="start"/> (-1 = the leading boundary).</summary>
    public static ulong Trigram(string word, int start)
    {
        var hash = Mix(Offset, 't');
        for (var k = start; k < start + 3; k++)
        {
            var c = k < 0 ? '<' : k >= word.Length ? '>' : word[k];
            hash = Mix(hash, c);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * Prime;
}
