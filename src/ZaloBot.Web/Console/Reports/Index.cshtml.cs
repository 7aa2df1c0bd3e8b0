using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Reports;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Reports;

/// <summary>
/// Read-only figures for the office, admins and supervisors (the Fatherland Front): summary, charts (volume over time,
/// overdue share, answer time, satisfaction, per unit and ward), tables, and an .xlsx of the filtered tickets and of each table.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, TicketReportQuery reports, ReportWorkbook workbook, ConsoleTexts texts, TimeProvider time) : PageModel
{
    /// <summary>Tickets received from this date (local), inclusive; default: 1 January of the current year.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Tickets received up to this date (local), inclusive; default: today.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WardId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportGrain Grain { get; set; }

    public TicketReport Report { get; private set; } = null!;

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];

    /// <summary>Set when the requested period was not usable; the page then shows the default period.</summary>
    public string? Error { get; private set; }

    /// <summary>Earliest date a report may start: the service did not exist before; typos like 0001-01-01 stop here.</summary>
    public static readonly DateOnly FirstDay = new(2020, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await reports.RunAsync(Filter(), cancellationToken);
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        Categories = await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>GET ?handler=xlsx&amp;table=tickets|status|unit|ward|category|ratings|volume with the page's filters.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? table, CancellationToken cancellationToken)
    {
        var filter = Filter();
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        var rows = await reports.RowsAsync(filter, cancellationToken);
        var report = TicketReportQuery.Compute(filter, rows, today);
        byte[]? bytes = table switch
        {
            // Supervisors oversee figures; the citizens' own words stay with the office.
            "tickets" => workbook.Tickets(filter, rows, today, includeText: !User.IsInRole(StaffRoles.Supervisor)),
            "status" => workbook.Status(report),
            "unit" => workbook.Lines("unit", filter, report.ByUnit),
            "ward" => workbook.Lines("ward", filter, report.ByWard),
            "category" => workbook.Lines("category", filter, report.ByCategory),
            "ratings" => workbook.Ratings(report),
            "volume" => workbook.Volume(report),
            _ => null,
        };
        if (bytes is null)
        {
            return NotFound();
        }

        return File(bytes, ReportWorkbook.ContentType, $"bao-cao-{table}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.xlsx");
    }

    /// <summary>The query string of the current filters, for export links.</summary>
    public string Query(string handlerTable) =>
        $"?handler=xlsx&table={handlerTable}&from={Report.Filter.From:dd/MM/yyyy}&to={Report.Filter.To:dd/MM/yyyy}&unitId={UnitId}&wardId={WardId}&categoryId={CategoryId}&grain={Grain}";

    private ReportFilter Filter()
    {
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        if (From < FirstDay || To < FirstDay || From > today.AddYears(1) || To > today.AddYears(1))
        {
            // 9999-12-31 used to overflow the date arithmetic (a 500); an unusable period is a polite 400 instead.
            Error = ConsoleTexts.Fill(texts.ReportsPeriodInvalid, ("first", ConsoleFormat.Date(FirstDay)), ("last", ConsoleFormat.Date(today.AddYears(1))));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            From = null;
            To = null;
        }

        var from = From ?? new DateOnly(today.Year, 1, 1);
        var to = To ?? today;
        if (to < from)
        {
            (from, to) = (to, from);
        }

        From = from;
        To = to;
        return new ReportFilter(from, to, UnitId, WardId, CategoryId, Grain);
    }
}
