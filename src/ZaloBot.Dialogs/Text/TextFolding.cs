using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ZaloBot.Dialogs.Text;

/// <summary>
/// A tiny folding for matching short replies ("Có", "co", "CÓ!") and button labels typed without
/// diacritics. Not the recognizer's normaliser: it only lowercases, strips diacritics (đ → d),
/// collapses whitespace and trims surrounding punctuation.
/// </summary>
public static class TextFolding
{
    private static readonly char[] EdgePunctuation = ['.', ',', '!', '?', '…', ';', ':', '"', '\'', '(', ')', '-', '~', '*'];

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c == 'đ' ? 'd' : c);
            lastWasSpace = false;
        }

        return builder.ToString().Trim().Trim(EdgePunctuation).Trim();
    }

    /// <summary>True when <paramref name="text"/> folds to one of <paramref name="words"/> (each folded too).</summary>
    public static bool IsOneOf(string? text, IEnumerable<string> words)
    {
        var folded = FoldMessage(text);
        if (folded.Length == 0)
        {
            return false;
        }

        foreach (var w in words)
        {
            if (FoldContent(w) == folded)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the folded text contains one of the folded phrases as whole words.</summary>
    public static bool ContainsPhrase(string? text, IEnumerable<string> phrases)
    {
        var folded = FoldMessage(text);
        foreach (var p in phrases)
        {
            if (FoldContent(p) is { Length: > 0 } f && ContainsWords(folded, f))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="folded"/> as whole words (no new strings).</summary>
    private static bool ContainsWords(string folded, string phrase)
    {
        for (var at = folded.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || folded[at - 1] == ' ') && (end == folded.Length || folded[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The folded form of a word or phrase of the content (bot texts, button labels, ward and category names): a
    /// finite set, folded once per process. A turn asks 20–30 such lists about one message; folding every word of them
    /// each time was most of the dialog's own CPU under a backlog (docs/performance.md "Turns"). Bounded, in case a
    /// caller ever passes text that is not content: past the bound, words are folded each time.
    /// </summary>
    private static string FoldContent(string word)
    {
        if (ContentForms.TryGetValue(word, out var folded))
        {
            return folded;
        }

        folded = Fold(word);
        if (ContentForms.Count < MaxContentForms)
        {
            ContentForms.TryAdd(word, folded);
        }

        return folded;
    }

    private const int MaxContentForms = 20_000;

    private static readonly ConcurrentDictionary<string, string> ContentForms = new(StringComparer.Ordinal);

    /// <summary>The folded message, remembered per thread for the same string instance (a turn asks about one message many times).</summary>
    private static string FoldMessage(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (ReferenceEquals(text, _lastMessage) && _lastFolded is { } last)
        {
            return last;
        }

        var folded = Fold(text);
        (_lastMessage, _lastFolded) = (text, folded);
        return folded;
    }

    [ThreadStatic]
    private static string? _lastMessage;

    [ThreadStatic]
    private static string? _lastFolded;

    public static int CountWords(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
