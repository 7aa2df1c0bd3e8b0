using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Reports;

/// <summary>One ticket as reports and exports see it: no citizen contact data; the text only for the office's own exports.</summary>
public sealed record ReportTicketRow(
    long Id,
    string Code,
    DateTimeOffset CreatedAt,
    TicketStatus Status,
    string Category,
    string? Ward,
    string? Unit,
    DateOnly DueDate,
    DateTimeOffset? AnsweredAt,
    int? Rating,
    string Text)
{
    public bool IsOpen => TicketWorkflow.IsOpen(Status);

    /// <summary>Answered no later than the due date (local date of the answer).</summary>
    public bool AnsweredOnTime => AnsweredAt is { } a && Calendar.WorkingDayCalendar.LocalDate(a) <= DueDate;

    public bool AnsweredLate => AnsweredAt is { } a && Calendar.WorkingDayCalendar.LocalDate(a) > DueDate;

    /// <summary>Still open after its due date, as of <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}
