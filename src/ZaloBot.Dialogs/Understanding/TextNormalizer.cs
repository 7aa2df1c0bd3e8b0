using System.Text;
using System.Text.RegularExpressions;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Turns a raw Zalo message into tokens: Unicode NFC, lower case, tone-canonical and folded forms,
/// shorthand expanded from the <see cref="AbbreviationDictionary"/>, punctuation and emoji dropped
/// (sentence ends kept), ticket codes and Vietnamese phone numbers extracted. Thread-safe.
/// </summary>
public sealed partial class TextNormalizer
{
    private readonly AbbreviationDictionary _abbreviations;

    // One delegate for the token cache, not one per word.
    private readonly Func<string, (string Folded, string ToneKey)[]> _expandedTokens;

    public TextNormalizer(AbbreviationDictionary abbreviations)
    {
        _abbreviations = abbreviations;
        _expandedTokens = raw => Tokens(raw, expand: true);
    }

    public NormalizedMessage Normalize(string message) => Normalize(message, cache: null);

    /// <summary>
    /// As <see cref="Normalize(string)"/>, reusing the tokens of words already seen through <paramref name="cache"/>
    /// (one per thread; an index rebuild normalises 60,000 exemplars of a few thousand distinct words).
    /// </summary>
    internal NormalizedMessage Normalize(string message, TokenCache? cache)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A lone UTF-16 surrogate (half an emoji, cut by a client) makes Unicode normalisation throw; it carries no
        // words, so it becomes a separator instead of failing the turn.
        var clean = HasLoneSurrogate(message) ? ReplaceLoneSurrogates(message) : message;
        var text = clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
        var codes = new List<string>();
        var phones = new List<string>();
        var chars = text.ToCharArray();
        // Codes and phone numbers need digits; most messages have none, so the regex passes are skipped.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            ExtractTicketCodes(text, chars, codes);
            ExtractPhones(new string(chars), chars, phones);
        }

        return Tokenize(chars, codes, phones, cache);
    }

    private static void ExtractTicketCodes(string text, char[] chars, List<string> codes)
    {
        Span<char> digits = stackalloc char[10];
        foreach (var match in FullTicketCode().EnumerateMatches(text))
        {
            var span = text.AsSpan(match.Index, match.Length);
            var n = 0;
            foreach (var c in span)
            {
                if (char.IsAsciiDigit(c) && n < digits.Length)
                {
                    digits[n++] = c;
                }
            }

            codes.Add(string.Concat("PA-", digits[..4], "-", digits[4..n]));
            Blank(chars, match.Index, match.Length, '\u0001');
        }

        var blanked = new string(chars);
        foreach (Match match in CodeAfterMa().Matches(blanked))
        {
            var group = match.Groups["n"];
            codes.Add(group.Value);
            Blank(chars, group.Index, group.Length, '\u0001');
        }
    }

    private static void ExtractPhones(string text, char[] chars, List<string> phones)
    {
        Span<char> digits = stackalloc char[16];
        foreach (var match in PhoneCandidate().EnumerateMatches(text))
        {
            var n = 0;
            foreach (var c in text.AsSpan(match.Index, match.Length))
            {
                if (char.IsAsciiDigit(c) && n < digits.Length)
                {
                    digits[n++] = c;
                }
            }

            ReadOnlySpan<char> national = digits[..n];
            if (national.StartsWith("84"))
            {
                national = national[2..];
            }
            else if (national.StartsWith("0"))
            {
                national = national[1..];
            }

            // Mobile: 9 digits after the 0 starting 3/5/7/8/9; landline: 10 digits starting 2 (e.g. 028 + 8).
            var isMobile = national.Length == 9 && national[0] is '3' or '5' or '7' or '8' or '9';
            var isLandline = national.Length == 10 && national[0] == '2';
            if (!isMobile && !isLandline)
            {
                continue;
            }

            phones.Add(string.Concat("0", national));
            Blank(chars, match.Index, match.Length, '\u0002');
        }
    }

    private static void Blank(char[] chars, int index, int length, char marker)
    {
        chars.AsSpan(index, length).Fill(' ');
        chars[index] = marker;
    }

    private NormalizedMessage Tokenize(char[] chars, List<string> codes, List<string> phones, TokenCache? cache)
    {
        var tokens = new List<MessageToken>(chars.Length / 4 + 2);
        var sentence = 0;
        var sentenceHasTokens = false;
        var lastQuestion = -1;
        var word = new StringBuilder(16);
        var wordIsDigits = false;

        void Flush(bool glued = false)
        {
            if (word.Length == 0)
            {
                return;
            }

            var expand = !glued || word.Length == 1;
            if (cache is not null && expand)
            {
                cache.Add(word, sentence, tokens, _expandedTokens);
            }
            else
            {
                AddWord(word.ToString(), sentence, tokens, expand);
            }

            word.Clear();
            sentenceHasTokens = true;
        }

        foreach (var c in chars)
        {
            if (c == '\u0001' || c == '\u0002')
            {
                Flush();
                var marker = c == '\u0001' ? NormalizedMessage.TicketCodeToken : NormalizedMessage.PhoneToken;
                tokens.Add(new MessageToken(marker, marker, sentence));
                sentenceHasTokens = true;
                continue;
            }

            if (char.IsLetter(c) || VietnameseText.IsCombiningMark(c) || char.IsDigit(c))
            {
                var isDigit = char.IsDigit(c);
                // "q3", "p10", "t2": a letter-digit change splits the word so "q" can expand to "quận".
                // Two or more letters glued to digits ("CT07", "GP01") name a form or a code, not shorthand.
                if (word.Length > 0 && isDigit != wordIsDigits && !VietnameseText.IsCombiningMark(c))
                {
                    Flush(glued: isDigit);
                }

                word.Append(c);
                wordIsDigits = isDigit;
                continue;
            }

            Flush();
            if (c is '.' or '?' or '!' or ';' or '\n' or '…' or '？' or '。')
            {
                if (c is '?' or '？' && sentenceHasTokens)
                {
                    lastQuestion = sentence;
                }

                if (sentenceHasTokens)
                {
                    sentence++;
                    sentenceHasTokens = false;
                }
            }
        }

        Flush();
        var sentenceCount = sentenceHasTokens ? sentence + 1 : sentence;
        var questionSentence = lastQuestion >= 0 ? lastQuestion : Math.Max(0, sentenceCount - 1);
        return new NormalizedMessage(tokens, codes, phones, sentenceCount, questionSentence) { QuestionMarked = lastQuestion >= 0 };
    }

    private void AddWord(string raw, int sentence, List<MessageToken> tokens, bool expand = true)
    {
        foreach (var (folded, toneKey) in Tokens(raw, expand))
        {
            tokens.Add(new MessageToken(folded, toneKey, sentence));
        }
    }

    /// <summary>The (folded, tone key) tokens of one raw word: itself, or its shorthand expansion.</summary>
    private (string Folded, string ToneKey)[] Tokens(string raw, bool expand)
    {
        var key = VietnameseText.ToneKey(raw);
        var expansion = expand ? _abbreviations.Expand(key) : null;
        if (expansion is null)
        {
            return [(VietnameseText.Fold(raw), key)];
        }

        var parts = new (string Folded, string ToneKey)[expansion.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (VietnameseText.Fold(expansion[i]), VietnameseText.ToneKey(expansion[i]));
        }

        return parts;
    }

    // "PA-2026-000123", "pa 2026 000123", "pa2026000123".
    [GeneratedRegex(@"(?<![\p{L}\d])pa[\s\-_.]*\d{4}[\s\-_.]*\d{6}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FullTicketCode();

    // "mã 000123", "mã phản ánh 000123", "ma so: 000123": a 4-8 digit number within three words after "mã".
    [GeneratedRegex(@"(?<!\p{L})m[a\u00E3](?:\s+[\p{L}\p{Mn}]+){0,3}?\s*[:#]?\s*(?<n>\d{4,8})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeAfterMa();

    // +84 / 84 / 0 followed by 8-10 digits, optionally grouped by spaces, dots or dashes.
    [GeneratedRegex(@"(?<![\d+])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidate();

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
