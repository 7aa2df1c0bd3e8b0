using System.Text.RegularExpressions;

namespace ZaloBot.Dialogs.Text;

/// <summary>Vietnamese tax codes (mã số thuế): 10 digits, or 10 digits, a dash and 3 digits for a branch.</summary>
public static partial class TaxCodes
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    /// <summary>"0312 345 678" and "0312.345.678" as typed on phones, without the separators.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Separators().Replace(value.Trim(), string.Empty);
    }

    [GeneratedRegex(@"^\d{10}(-\d{3})?$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[\s.]", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Separators();
}
