using System.Globalization;
using System.Text.RegularExpressions;

namespace ZaloBot.Dialogs.Text;

/// <summary>
/// Finds a feedback code in what a citizen typed: "PA-2026-000123", "pa2026000123", "PA 2026 123",
/// "mã 000123" / "ma phan anh 123" (no year: the current year is assumed). The canonical form is
/// PA-YYYY-NNNNNN.
/// </summary>
public static partial class TicketCodes
{
    public static bool TryFind(string? text, int currentYear, out string code)
    {
        code = string.Empty;
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return false;
        }

        var full = FullRegex().Match(folded);
        if (full.Success)
        {
            code = Format(int.Parse(full.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(full.Groups["number"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        var numberOnly = NumberOnlyRegex().Match(folded);
        if (numberOnly.Success)
        {
            code = Format(currentYear, int.Parse(numberOnly.Groups["number"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"PA-{year:D4}-{number:D6}");

    [GeneratedRegex(@"\bpa[\s\-_/.#:]*(?<year>20\d{2})[\s\-_/.]*(?<number>\d{1,6})\b")]
    private static partial Regex FullRegex();

    // Not after "hồ sơ" / "biên nhận": "hồ sơ mã 123456" is an application receipt, not feedback.
    [GeneratedRegex(@"(?<!ho\s+so\s+)(?<!bien\s+nhan\s+)\bma(?:\s+(?:phan\s+anh|so|pa))?\s*[:#]?\s*(?<number>\d{1,6})\b")]
    private static partial Regex NumberOnlyRegex();
}
