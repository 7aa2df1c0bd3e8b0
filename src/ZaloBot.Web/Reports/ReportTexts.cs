using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Web.Reports;

/// <summary>Sheet names and column headings of the Excel exports, from <c>content/reports.vi.yaml</c>; a missing one fails at load.</summary>
public sealed class ReportTexts
{
    public string SheetTickets { get; set; } = "";
    public string SheetStatus { get; set; } = "";
    public string SheetUnit { get; set; } = "";
    public string SheetWard { get; set; } = "";
    public string SheetCategory { get; set; } = "";
    public string SheetRatings { get; set; } = "";
    public string SheetVolume { get; set; } = "";
    public string TitleTickets { get; set; } = "";
    public string TitlePeriod { get; set; } = "";
    public string ColCode { get; set; } = "";
    public string ColReceived { get; set; } = "";
    public string ColCategory { get; set; } = "";
    public string ColWard { get; set; } = "";
    public string ColUnit { get; set; } = "";
    public string ColStatus { get; set; } = "";
    public string ColDue { get; set; } = "";
    public string ColAnswered { get; set; } = "";
    public string ColOnTime { get; set; } = "";
    public string ColOverdue { get; set; } = "";
    public string ColRating { get; set; } = "";
    public string ColText { get; set; } = "";
    public string ColName { get; set; } = "";
    public string ColTotal { get; set; } = "";
    public string ColOpen { get; set; } = "";
    public string ColAnsweredOnTime { get; set; } = "";
    public string ColAnsweredLate { get; set; } = "";
    public string ColAverageRating { get; set; } = "";
    public string ColCount { get; set; } = "";
    public string ColStars { get; set; } = "";
    public string ColPeriod { get; set; } = "";
    public string ColReceivedCount { get; set; } = "";
    public string ColAnsweredCount { get; set; } = "";
    public string ColAverageDays { get; set; } = "";
    public string Yes { get; set; } = "";
    public string No { get; set; } = "";
    public string Unknown { get; set; } = "";
    public string SheetRegistrations { get; set; } = "";
    public string SheetQuestions { get; set; } = "";
    public string ColBusiness { get; set; } = "";
    public string ColField { get; set; } = "";
    public string ColTaxCode { get; set; } = "";
    public string ColContact { get; set; } = "";
    public string ColPhone { get; set; } = "";
    public string ColRegistered { get; set; } = "";
    public string ColQuestion { get; set; } = "";
    public string ColGroup { get; set; } = "";
    public string ColAssignedUnit { get; set; } = "";
    public string ColAnswer { get; set; } = "";
    public string ColAsked { get; set; } = "";
    public string ColSent { get; set; } = "";
    public string LabelMonth { get; set; } = "";
    public string LabelWeek { get; set; } = "";

    /// <summary>"Tháng 7/2026" for a month, "Tuần 30/06/2026" for the week starting that Monday; never the locale's month names.</summary>
    public string Bucket(DateOnly start, ReportGrain grain) =>
        grain == ReportGrain.Week
            ? LabelWeek.Replace("{date}", start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : Month(start.Year, start.Month);

    public string Month(int year, int month) =>
        LabelMonth.Replace("{month}", month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static ReportTexts Parse(string yaml)
    {
        var texts = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<ReportTexts>(yaml)
            ?? throw new InvalidDataException("reports.vi.yaml is empty");
        var missing = typeof(ReportTexts).GetProperties().Where(p => p.PropertyType == typeof(string) && string.IsNullOrWhiteSpace((string?)p.GetValue(texts))).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("reports.vi.yaml lacks: " + string.Join(", ", missing));
        }

        return texts;
    }

    public static ReportTexts Load(string contentDirectory) => Parse(File.ReadAllText(Path.Combine(contentDirectory, "reports.vi.yaml")));
}
