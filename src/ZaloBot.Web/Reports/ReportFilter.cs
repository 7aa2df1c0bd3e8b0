using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Reports;

/// <summary>Which tickets a report counts: received between two local dates (inclusive), optionally one unit, ward or category.</summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, int? UnitId = null, int? WardId = null, int? CategoryId = null, ReportGrain Grain = ReportGrain.Month)
{
    /// <summary>Start of <see cref="From"/> in Vietnam time, as an instant.</summary>
    public DateTimeOffset FromInstant => VietnamTime.At(From, TimeOnly.MinValue).ToUniversalTime();

    /// <summary>Start of the day after <see cref="To"/> in Vietnam time (exclusive bound).</summary>
    public DateTimeOffset ToInstant => VietnamTime.At(To.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
}
