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
        var folded = Fold(text);
        return folded.Length > 0 && words.Any(w => Fold(w) == folded);
    }

    /// <summary>True when the folded text contains one of the folded phrases as whole words.</summary>
    public static bool ContainsPhrase(string? text, IEnumerable<string> phrases)
    {
        var folded = " " + Fold(text) + " ";
        return phrases.Any(p => Fold(p) is { Length: > 0 } f && folded.Contains(" " + f + " ", StringComparison.Ordinal));
    }

    public static int CountWords(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
