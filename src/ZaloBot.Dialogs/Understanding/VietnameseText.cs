using System.Text;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Per-character tables for Vietnamese: lower case, tone removal (keeping â ă ê ô ơ ư đ) and full folding
/// to ASCII. Built once from Unicode decompositions so every precomposed letter is covered.
/// </summary>
internal static class VietnameseText
{
    // Latin letters with Vietnamese diacritics all live below U+2000 (Latin Extended Additional ends at U+1EFF).
    private const int TableSize = 0x2000;

    private static readonly char[] Toneless = new char[TableSize];
    private static readonly char[] Folded = new char[TableSize];
    private static readonly byte[] Tones = new byte[TableSize];

    static VietnameseText()
    {
        Span<char> one = stackalloc char[1];
        for (var i = 0; i < TableSize; i++)
        {
            var c = char.ToLowerInvariant((char)i);
            Toneless[i] = c;
            Folded[i] = c;
            if (char.IsSurrogate(c) || !char.IsLetter(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed[0];
            var modifiers = new StringBuilder().Append(baseChar);
            byte tone = 0;
            for (var k = 1; k < decomposed.Length; k++)
            {
                var mark = ToneOf(decomposed[k]);
                if (mark != 0)
                {
                    tone = mark;
                }
                else
                {
                    modifiers.Append(decomposed[k]);
                }
            }

            var recomposed = modifiers.ToString().Normalize(NormalizationForm.FormC);
            Toneless[i] = recomposed.Length == 1 ? recomposed[0] : c;
            Folded[i] = baseChar == 'đ' ? 'd' : baseChar;
            Tones[i] = tone;
        }

        Folded['đ'] = 'd';
        Folded['Đ'] = 'd';
        Toneless['Đ'] = 'đ';
    }

    /// <summary>Tone digit of a combining mark: 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; 0 when it is no tone mark.</summary>
    public static byte ToneOf(char combiningMark) => combiningMark switch
    {
        '\u0301' => 1,
        '\u0300' => 2,
        '\u0309' => 3,
        '\u0303' => 4,
        '\u0323' => 5,
        _ => 0,
    };

    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>Lower case without the tone mark: 'Ờ' → 'ơ'.</summary>
    public static char ToToneless(char c) => c < TableSize ? Toneless[c] : char.ToLowerInvariant(c);

    /// <summary>Lower case ASCII-like letter: 'Ờ' → 'o', 'Đ' → 'd'.</summary>
    public static char ToFolded(char c) => c < TableSize ? Folded[c] : char.ToLowerInvariant(c);

    /// <summary>The tone carried by a precomposed letter, 0 when none.</summary>
    public static byte ToneOfLetter(char c) => c < TableSize ? Tones[c] : (byte)0;

    /// <summary>
    /// Tone-canonical key of a syllable: toneless letters followed by the tone digit, so "hoà" and "hòa"
    /// (old and new tone placement) both give "hoa2", and "thuỷ"/"thủy" give "thuy3".
    /// </summary>
    public static string ToneKey(ReadOnlySpan<char> syllable)
    {
        Span<char> buffer = syllable.Length <= 64 ? stackalloc char[syllable.Length + 1] : new char[syllable.Length + 1];
        var length = 0;
        byte tone = 0;
        foreach (var c in syllable)
        {
            if (IsCombiningMark(c))
            {
                var mark = ToneOf(c);
                if (mark != 0)
                {
                    tone = mark;
                }

                continue;
            }

            var t = ToneOfLetter(c);
            if (t != 0)
            {
                tone = t;
            }

            buffer[length++] = ToToneless(c);
        }

        if (tone != 0)
        {
            buffer[length++] = (char)('0' + tone);
        }

        return new string(buffer[..length]);
    }

    /// <summary>Folded form of a word: no tones, no vowel marks, đ → d, lower case.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (!IsCombiningMark(c))
            {
                buffer[length++] = ToFolded(c);
            }
        }

        return new string(buffer[..length]);
    }
}
