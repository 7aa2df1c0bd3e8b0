namespace ZaloBot.Web.Reports;

/// <summary>A row of a "by unit / ward / category" table.</summary>
public sealed record ReportLine(string Name, int Total, int Open, int Overdue, int AnsweredOnTime, int AnsweredLate, double? AverageRating);
