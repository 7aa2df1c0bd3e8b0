using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Reports;

/// <summary>Every figure of the reports page and the period report, computed once from the same rows so they agree.</summary>
public sealed record TicketReport(
    ReportFilter Filter,
    DateOnly Today,
    int Total,
    int Open,
    int Overdue,
    int AnsweredOnTime,
    int AnsweredLate,
    TimeSpan? AverageAnswerTime,
    double? AverageRating,
    IReadOnlyList<(TicketStatus Status, int Count)> ByStatus,
    IReadOnlyList<(int Stars, int Count)> Ratings,
    IReadOnlyList<ReportLine> ByUnit,
    IReadOnlyList<ReportLine> ByWard,
    IReadOnlyList<ReportLine> ByCategory,
    IReadOnlyList<ReportBucket> Volume)
{
    /// <summary>Open and not yet due.</summary>
    public int OpenOnTime => Open - Overdue;

    /// <summary>Closed, rejected or transferred without an answer time (counted apart from answered tickets).</summary>
    public int Other => Total - Open - AnsweredOnTime - AnsweredLate;

    public int Rated => Ratings.Sum(r => r.Count);
}
