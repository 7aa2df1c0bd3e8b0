using System.Text;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// Splits text for Zalo's 2,000-character limit. The text is normalised to NFC first (Vietnamese NFD text is
/// longer: each tone mark is its own code unit). Cuts prefer a paragraph break, then a line break, then a
/// sentence end, then a space; a word is cut only when a single word is longer than the limit.
/// Length is counted in UTF-16 code units, which is never less than the character count Zalo applies.
/// </summary>
public static class ZaloTextSplitter
{
    public const int MaxLength = 2000;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var rest = text.Normalize(NormalizationForm.FormC).Trim();
        var parts = new List<string>();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest, maxLength);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int FindCut(string text, int maxLength)
    {
        var window = text.AsSpan(0, maxLength + 1);
        // Do not make tiny first parts: a boundary must leave at least a quarter of the window.
        var floor = maxLength / 4;

        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= floor)
        {
            return paragraph + 2;
        }

        var line = window.LastIndexOf('\n');
        if (line >= floor)
        {
            return line + 1;
        }

        var sentence = -1;
        for (var i = maxLength - 1; i >= floor; i--)
        {
            if (window[i] is '.' or '!' or '?' or '…' && char.IsWhiteSpace(window[i + 1]))
            {
                sentence = i + 1;
                break;
            }
        }

        if (sentence > 0)
        {
            return sentence;
        }

        var space = window[..maxLength].LastIndexOf(' ');
        if (space >= floor)
        {
            return space + 1;
        }

        // No boundary: hard cut, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
    }
}
