namespace ZaloBot.Web.Reports;

/// <summary>The step of the volume-over-time chart.</summary>
public enum ReportGrain
{
    Month = 0,
    Week = 1,
}
