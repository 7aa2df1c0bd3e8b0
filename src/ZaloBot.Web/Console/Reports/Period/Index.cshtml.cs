using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Reports;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Reports.Period;

/// <summary>
/// The report the office hands in for a half year or a year (plan IV.7: periodic reporting, supervised by the Fatherland
/// Front): received, answered on time, overdue, by category, ward and unit, ratings, top unanswered questions. Printed from
/// the browser ("Lưu dưới dạng PDF"); the layout's print styles drop navigation and forms.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, TicketReportQuery reports, TimeProvider time) : PageModel
{
    /// <summary>How many unanswered questions the report lists.</summary>
    public const int TopQuestions = 10;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>"h1" (January–June), "h2" (July–December) or "year" (default: the half year we are in).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Part { get; set; }

    public TicketReport Report { get; private set; } = null!;

    public IReadOnlyList<(string Text, int Count)> Unanswered { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>CCHC posts first published in the period, by topic.</summary>
    public IReadOnlyList<(ZaloBot.Web.Cchc.CchcTopic Topic, int Count)> Posts { get; private set; } = [];

    /// <summary>Business dialogue sessions held in the period, with their registrations and questions.</summary>
    public IReadOnlyList<SessionLine> Sessions { get; private set; } = [];

    public sealed record SessionLine(string Title, DateTimeOffset StartsAt, int Registrations, int Questions, int Answered);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        Year ??= Today.Year;
        Part = Part?.ToLowerInvariant() switch
        {
            "h1" or "h2" or "year" => Part.ToLowerInvariant(),
            _ => Today.Month <= 6 ? "h1" : "h2",
        };
        if (Year is < 2000 or > 2100)
        {
            return NotFound();
        }

        var from = new DateOnly(Year.Value, Part == "h2" ? 7 : 1, 1);
        var to = new DateOnly(Year.Value, Part == "h1" ? 6 : 12, Part == "h1" ? 30 : 31);
        var filter = new ReportFilter(from, to);
        Report = await reports.RunAsync(filter, cancellationToken);

        var start = filter.FromInstant;
        var end = filter.ToInstant;
        Unanswered = (await db.UnansweredQuestions.AsNoTracking()
                .Where(q => q.AskedAt >= start && q.AskedAt < end && q.Status == UnansweredStatus.New)
                .GroupBy(q => q.Text.Trim().ToLower())
                .Select(g => new { Text = g.Min(q => q.Text), Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Text)
                .Take(TopQuestions)
                .ToListAsync(cancellationToken))
            .Select(g => ((g.Text ?? "").Trim(), g.Count))
            .ToList();
        var posts = await db.CchcPosts.AsNoTracking()
            .Where(p => p.PublishedAt >= start && p.PublishedAt < end)
            .GroupBy(p => p.Topic).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Posts = Enum.GetValues<ZaloBot.Web.Cchc.CchcTopic>().Select(t => (t, posts.FirstOrDefault(p => p.Key == t)?.Count ?? 0)).ToList();
        Sessions = await db.DialogueSessions.AsNoTracking()
            .Where(s => s.StartsAt >= start && s.StartsAt < end)
            .OrderBy(s => s.StartsAt)
            .Select(s => new SessionLine(
                s.Title, s.StartsAt,
                db.DialogueRegistrations.Count(r => r.SessionId == s.Id),
                db.DialogueQuestions.Count(q => q.SessionId == s.Id),
                db.DialogueQuestions.Count(q => q.SessionId == s.Id && q.Status == ZaloBot.Web.BusinessDialogue.DialogueQuestionStatus.Answered)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
