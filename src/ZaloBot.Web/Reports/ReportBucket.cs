namespace ZaloBot.Web.Reports;

/// <summary>One step of the volume chart: tickets received in [Start, next Start), how many of them are answered, their average answer time.</summary>
public sealed record ReportBucket(DateOnly Start, int Received, int Answered, int Overdue, double? AverageAnswerDays);
