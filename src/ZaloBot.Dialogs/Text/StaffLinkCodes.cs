using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ZaloBot.Dialogs.Text;

/// <summary>
/// Link codes a staff member types in chat to link their Zalo account: "LK-" and 8 characters of Crockford's base32
/// (no I, L, O, U: nothing to misread), 40 bits. With a 10-minute life and the chat's flood limit (15 messages a minute
/// per user: 150 guesses against 2^40 codes), guessing one is hopeless.
/// </summary>
public static partial class StaffLinkCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 8;

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return "LK-" + new string(chars);
    }

    /// <summary>"lk-ab12cd34", "LK AB12CD34", "LKAB12CD34" → "LK-AB12CD34"; null when the text is not a code.</summary>
    public static string? TryNormalize(string? text)
    {
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        return match.Success ? "LK-" + match.Groups[1].Value.ToUpperInvariant() : null;
    }

    /// <summary>What the database keeps instead of the code (SHA-256, hex).</summary>
    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));

    [GeneratedRegex(@"^LK[\s-]?([0-9A-HJKMNP-TV-Z]{8})$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
