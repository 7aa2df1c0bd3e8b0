using System.Text;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// Finds evaluation messages that are nearly equal to a content phrasing: both folded (lower case, no marks,
/// letters and digits only), then compared by the Jaccard similarity of their character trigram sets. A fresh set
/// must be written without seeing the content; this check shows whether any line came out as a copy anyway.
/// Default threshold 0.8: reworded sentences that share a topic stay well below it (0.3-0.6), a copy with a typo or
/// a changed particle stays above it.
/// </summary>
public static class NearDuplicateCheck
{
    public const double DefaultThreshold = 0.8;

    /// <summary>For every message at or above <paramref name="threshold"/>: the message, its closest phrasing, the similarity.</summary>
    public static IReadOnlyList<(string Message, string Phrasing, double Similarity)> Find(
        IEnumerable<string> contentPhrasings, IEnumerable<string> messages, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(contentPhrasings);
        ArgumentNullException.ThrowIfNull(messages);
        var content = contentPhrasings.Select(p => (Text: p, Grams: Trigrams(p))).Where(p => p.Grams.Count > 0).ToList();
        var found = new List<(string, string, double)>();
        foreach (var message in messages)
        {
            var grams = Trigrams(message);
            if (grams.Count == 0)
            {
                continue;
            }

            var best = (Text: string.Empty, Similarity: 0.0);
            foreach (var (text, other) in content)
            {
                var shared = grams.Count(other.Contains);
                var similarity = (double)shared / (grams.Count + other.Count - shared);
                if (similarity > best.Similarity)
                {
                    best = (text, similarity);
                }
            }

            if (best.Similarity >= threshold)
            {
                found.Add((message, best.Text, best.Similarity));
            }
        }

        return found;
    }

    /// <summary>Character trigrams of the folded text, words separated by one space and padded at both ends.</summary>
    internal static HashSet<string> Trigrams(string text)
    {
        var folded = new StringBuilder(" ");
        foreach (var c in TextFolding.Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(c);
            }
            else if (folded[^1] != ' ')
            {
                folded.Append(' ');
            }
        }

        if (folded[^1] != ' ')
        {
            folded.Append(' ');
        }

        var s = folded.ToString();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= s.Length; i++)
        {
            grams.Add(s.Substring(i, 3));
        }

        return grams;
    }
}
