using System.Text.RegularExpressions;

namespace ZaloBot.Dialogs.Text;

/// <summary>Vietnamese phone numbers: parse the usual written forms, and mask them before echoing.</summary>
public static partial class PhoneNumbers
{
    /// <summary>
    /// Accepts 0912345678, 0912 345 678, 091.234.5678, +84 912 345 678, 84912345678 and landlines
    /// such as 028 3930 1234. Returns the national form starting with 0 (10 digits for mobiles,
    /// 11 for landlines with a 02x area code).
    /// </summary>
    public static bool TryNormalize(string? input, out string phone)
    {
        phone = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = SeparatorRegex().Replace(input.Trim(), string.Empty);
        if (compact.StartsWith("+84", StringComparison.Ordinal))
        {
            compact = "0" + compact[3..];
        }
        else if (compact.StartsWith("84", StringComparison.Ordinal) && compact.Length is 11 or 12)
        {
            compact = "0" + compact[2..];
        }

        if (!MobileRegex().IsMatch(compact) && !LandlineRegex().IsMatch(compact))
        {
            return false;
        }

        phone = compact;
        return true;
    }

    /// <summary>Keeps the first three and last three digits: 0912345678 → 091****678.</summary>
    public static string Mask(string phone)
    {
        if (phone.Length <= 6)
        {
            return new string('*', phone.Length);
        }

        return string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 6), phone.AsSpan(phone.Length - 3));
    }

    /// <summary>Masks every phone-like run of digits inside free text (for echoing a citizen's own description).</summary>
    public static string MaskAll(string text) =>
        PhoneLikeRegex().Replace(text, m =>
        {
            var digits = SeparatorRegex().Replace(m.Value, string.Empty);
            return digits.Length >= 9 ? Mask(digits) : m.Value;
        });

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^0[35789]\d{8}$")]
    private static partial Regex MobileRegex();

    [GeneratedRegex(@"^02\d{9}$")]
    private static partial Regex LandlineRegex();

    [GeneratedRegex(@"\+?\d[\d .\-]{7,14}\d")]
    private static partial Regex PhoneLikeRegex();
}
