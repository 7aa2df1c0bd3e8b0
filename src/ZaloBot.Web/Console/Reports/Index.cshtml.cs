using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Reports;

/// <summary>Read-only figures for the office, admins and supervisors: by status, unit, ward, category; overdue; handling time; satisfaction.</summary>
public sealed class IndexModel(ZaloBotDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Tickets received from this date (local), inclusive; default: 1 January of the current year.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Tickets received up to this date (local), inclusive; default: today.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public int Total { get; private set; }

    public int Overdue { get; private set; }

    public IReadOnlyList<(string Label, int Count)> ByStatus { get; private set; } = [];

    public IReadOnlyList<Line> ByUnit { get; private set; } = [];

    public IReadOnlyList<Line> ByWard { get; private set; } = [];

    public IReadOnlyList<Line> ByCategory { get; private set; } = [];

    public TimeSpan? AverageHandling { get; private set; }

    public double? AverageRating { get; private set; }

    public IReadOnlyList<(int Stars, int Count)> Ratings { get; private set; } = [];

    /// <summary>Set when the requested period was not usable; the page then shows the default period.</summary>
    public string? Error { get; private set; }

    /// <summary>Earliest date a report may start: the service did not exist before; typos like 0001-01-01 stop here.</summary>
    public static readonly DateOnly FirstDay = new(2020, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        // An unreadable date is already reported by the view (model state) and the default period shown.
        if (From < FirstDay || To < FirstDay || From > today.AddYears(1) || To > today.AddYears(1) || From > To)
        {
            // 9999-12-31 used to overflow the date arithmetic (a 500); an unusable period is a polite 400 instead.
            Error = $"Khoảng thời gian không hợp lệ (từ {ConsoleFormat.Date(FirstDay)} đến {ConsoleFormat.Date(today.AddYears(1))}, ngày bắt đầu không sau ngày kết thúc). Đang hiển thị năm nay.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            From = null;
            To = null;
        }

        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        var from = new DateTimeOffset(From.Value.ToDateTime(TimeOnly.MinValue), WorkingDayCalendar.VietnamOffset).ToUniversalTime();
        var to = new DateTimeOffset(To.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), WorkingDayCalendar.VietnamOffset).ToUniversalTime();
        var tickets = db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);

        var byStatus = await tickets.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        ByStatus = Enum.GetValues<TicketStatus>().Select(s => (TicketWorkflow.Label(s), byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
        Total = byStatus.Sum(x => x.Count);
        Overdue = await tickets.CountAsync(t => (t.Status == TicketStatus.Received || t.Status == TicketStatus.Accepted || t.Status == TicketStatus.InProgress) && t.DueDate < today, cancellationToken);

        ByUnit = await Lines(tickets.GroupBy(t => t.Unit!.Name), today, cancellationToken);
        ByWard = await Lines(tickets.GroupBy(t => t.Ward!.Name), today, cancellationToken);
        ByCategory = await Lines(tickets.GroupBy(t => t.Category!.Name), today, cancellationToken);

        var seconds = (await db.Database.SqlQuery<double?>($"""
            SELECT avg(extract(epoch FROM answered_at - created_at))::float8 AS "Value"
            FROM tickets WHERE answered_at IS NOT NULL AND created_at >= {from} AND created_at < {to}
            """).ToListAsync(cancellationToken)).SingleOrDefault();
        AverageHandling = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
        var ratings = await tickets.Where(t => t.Rating != null).GroupBy(t => t.Rating!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Ratings = Enumerable.Range(1, 5).Reverse().Select(n => (n, ratings.FirstOrDefault(r => r.Key == n)?.Count ?? 0)).ToList();
        var rated = ratings.Sum(r => r.Count);
        AverageRating = rated == 0 ? null : (double)ratings.Sum(r => r.Key * r.Count) / rated;
    }

    private static async Task<IReadOnlyList<Line>> Lines(IQueryable<IGrouping<string, FeedbackTicket>> groups, DateOnly today, CancellationToken cancellationToken) =>
        (await groups.Select(g => new Line(
                g.Key ?? "(chưa xác định)",
                g.Count(),
                g.Count(t => t.Status == TicketStatus.Received || t.Status == TicketStatus.Accepted || t.Status == TicketStatus.InProgress),
                g.Count(t => (t.Status == TicketStatus.Received || t.Status == TicketStatus.Accepted || t.Status == TicketStatus.InProgress) && t.DueDate < today),
                g.Average(t => (double?)t.Rating)))
            .ToListAsync(cancellationToken))
            .OrderByDescending(l => l.Total)
            .ToList();

    public sealed record Line(string Name, int Total, int Open, int Overdue, double? AverageRating);
}
