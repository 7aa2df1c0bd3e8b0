using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Tickets;

/// <summary>
/// The queue: tickets visible to the user, filtered, sorted by due date then id, paged by keyset (the cursor is the last
/// row's due date and id) so page 500 costs what page 1 costs; index (due_date, id) serves the order.
/// </summary>
public sealed partial class IndexModel(ZaloBotDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"open" (default: received, accepted, in progress), "all", or a <see cref="TicketStatus"/> name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>"overdue" or "soon" (due within 2 working days), among open tickets.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WardId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    /// <summary>Free text in the citizen's text, or a ticket code ("PA-2026-000123").</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Keyset cursor: "yyyy-MM-dd_id" of the last row of the previous page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<TicketStatus, int> Counts { get; private set; } = new Dictionary<TicketStatus, int>();

    public int OverdueCount { get; private set; }

    public int DueSoonCount { get; private set; }

    public string? NextCursor { get; private set; }

    public DateOnly Today { get; private set; }

    public DateOnly DueSoonLimit { get; private set; }

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];

    public IReadOnlyList<HandoffRequest> Handoffs { get; private set; } = [];

    public bool SeesAll { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        SeesAll = actor.SeesAllTickets;
        var now = time.GetUtcNow();
        Today = WorkingDayCalendar.LocalDate(now);
        var calendar = await CalendarStore.LoadAsync(db, Today, Today.AddDays(30), cancellationToken);
        // "Due soon": due today or within the next 2 working days.
        DueSoonLimit = calendar.AddWorkingDays(Today, 2);

        var scoped = actor.Visible(db.Tickets.AsNoTracking());
        // All counts in one pass over index (status, due_date): per status, and overdue / due soon within each.
        var today = Today;
        var soonLimit = DueSoonLimit;
        var stats = await scoped.GroupBy(t => t.Status)
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(t => t.DueDate < today), Soon = g.Count(t => t.DueDate >= today && t.DueDate <= soonLimit) })
            .ToListAsync(cancellationToken);
        Counts = stats.ToDictionary(s => s.Key, s => s.Count);
        OverdueCount = stats.Where(s => TicketWorkflow.IsOpen(s.Key)).Sum(s => s.Overdue);
        DueSoonCount = stats.Where(s => TicketWorkflow.IsOpen(s.Key)).Sum(s => s.Soon);

        var query = Filter(scoped);
        if (TryParseCursor(After, out var afterDate, out var afterId))
        {
            // The redundant "due_date >= cursor" becomes the index range start; the OR alone would be a filter over every earlier row.
            query = query.Where(t => t.DueDate >= afterDate && (t.DueDate > afterDate || (t.DueDate == afterDate && t.Id > afterId)));
        }

        var rows = await query.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(PageSize + 1)
            .Select(t => new Row(
                t.Id, t.Code, t.Status, t.Category!.Name, t.Ward!.Name, t.Unit!.Name,
                t.Text,
                t.CreatedAt, t.DueDate))
            .ToListAsync(cancellationToken);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            NextCursor = $"{last.DueDate:yyyy-MM-dd}_{last.Id}";
        }

        Rows = rows;
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        Categories = await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        if (SeesAll)
        {
            Handoffs = await db.HandoffRequests.AsNoTracking().Where(h => h.State != HandoffRequestState.Closed)
                .OrderBy(h => h.RequestedAt).Take(20).ToListAsync(cancellationToken);
        }
    }

    public bool IsOverdue(Row row) => TicketWorkflow.IsOpen(row.Status) && row.DueDate < Today;

    public bool IsDueSoon(Row row) => TicketWorkflow.IsOpen(row.Status) && row.DueDate >= Today && row.DueDate <= DueSoonLimit;

    public Dictionary<string, string?> StatusLink(string status) => RouteWith(("status", status), ("due", null));

    public Dictionary<string, string?> DueLink(string due) => RouteWith(("due", due), ("status", null));

    public Dictionary<string, string?> PageLink(string? after) => RouteWith(("after", after));

    /// <summary>The current filters as query values, with some of them changed (the cursor is dropped unless given).</summary>
    private Dictionary<string, string?> RouteWith(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["status"] = Status,
            ["due"] = Due,
            ["unitId"] = UnitId?.ToString(CultureInfo.InvariantCulture),
            ["wardId"] = WardId?.ToString(CultureInfo.InvariantCulture),
            ["categoryId"] = CategoryId?.ToString(CultureInfo.InvariantCulture),
            ["q"] = Q,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return values.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private IQueryable<FeedbackTicket> Filter(IQueryable<FeedbackTicket> query)
    {
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q) && CodePattern().IsMatch(q))
        {
            // A code goes straight to the unique index, whatever the other filters say.
            var code = q.ToUpperInvariant();
            return query.Where(t => t.Code == code);
        }

        if (Due is "overdue" or "soon")
        {
            query = query.Where(t => t.Status == TicketStatus.Received || t.Status == TicketStatus.Accepted || t.Status == TicketStatus.InProgress);
            var today = Today;
            var limit = DueSoonLimit;
            query = Due == "overdue" ? query.Where(t => t.DueDate < today) : query.Where(t => t.DueDate >= today && t.DueDate <= limit);
        }
        else if (Status == "all")
        {
        }
        else if (Enum.TryParse<TicketStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(t => t.Status == status);
        }
        else
        {
            query = query.Where(t => t.Status == TicketStatus.Received || t.Status == TicketStatus.Accepted || t.Status == TicketStatus.InProgress);
        }

        if (UnitId is { } unitId)
        {
            query = query.Where(t => t.UnitId == unitId);
        }

        if (WardId is { } wardId)
        {
            query = query.Where(t => t.WardId == wardId);
        }

        if (CategoryId is { } categoryId)
        {
            query = query.Where(t => t.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(q))
        {
            var pattern = "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // Served by the trigram index ix_tickets_text_trgm (codes are matched exactly above).
            query = query.Where(t => EF.Functions.ILike(t.Text, pattern));
        }

        return query;
    }

    private static bool TryParseCursor(string? cursor, out DateOnly date, out long id)
    {
        date = default;
        id = 0;
        var parts = cursor?.Split('_');
        return parts is { Length: 2 }
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    [GeneratedRegex(@"^PA-\d{4}-\d{1,9}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public sealed record Row(long Id, string Code, TicketStatus Status, string Category, string? Ward, string? Unit, string Text, DateTimeOffset CreatedAt, DateOnly DueDate)
    {
        public string Excerpt => Text.Length > 140 ? string.Concat(Text.AsSpan(0, 140), "…") : Text;
    }
}
