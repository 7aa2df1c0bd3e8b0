using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Unanswered;

/// <summary>
/// Questions the bot could not answer, new ones first. An admin adds one as a phrasing of an existing FAQ entry
/// (through <see cref="FaqEditor"/>, so the recognizer learns it), ignores it, or opens a new entry prefilled with it.
/// Office users see the list; every action is an admin-only POST and is written to the audit log.
/// </summary>
[Authorize(Policy = ConsolePolicies.Office)]
public sealed class IndexModel(ZaloBotDbContext db, FaqEditor editor, ConsoleTexts texts, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<UnansweredQuestion> Questions { get; private set; } = [];

    /// <summary>Slug → question, for the "add to" picker.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; private set; } = [];

    public IReadOnlyDictionary<UnansweredStatus, int> Counts { get; private set; } = new Dictionary<UnansweredStatus, int>();

    /// <summary>"new" (default), "resolved", "ignored" or "all".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Pages beyond this show nothing (?p=2147483647 used to overflow the offset: a 500). 10,000 pages is 500,000 questions.</summary>
    public const int MaxPage = 10_000;

    public bool HasNext { get; private set; }

    public string? Error { get; private set; }

    public bool CanAct => User.IsInRole(StaffRoles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Adds the question's text as a phrasing of <paramref name="slug"/> and marks the question resolved.</summary>
    public async Task<IActionResult> OnPostAddAsync(long id, string? slug, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var question = await db.UnansweredQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }

        if (question.Status != UnansweredStatus.New)
        {
            return await FailAsync(texts.UnansweredAlreadyHandled, StatusCodes.Status409Conflict, cancellationToken);
        }

        slug = (slug ?? "").Trim();
        var entry = await db.FaqEntries.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, cancellationToken);
        if (entry is null)
        {
            return await FailAsync(ConsoleTexts.Fill(texts.UnansweredSlugUnknown, ("slug", slug)), StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var actor = StaffActor.From(User);
        var text = question.Text.Trim();
        // Clicking twice (or two admins) must not add the same phrasing twice.
        if (!entry.Phrasings.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            var content = LiveRecognizer.ToContent(entry) with { Phrasings = [.. entry.Phrasings, text] };
            FaqSaveResult result;
            try
            {
                result = await editor.SaveAsync(content, entry.Version, actor.Name, cancellationToken);
            }
            catch (FormatException ex)
            {
                return await FailAsync(ConsoleTexts.Fill(texts.SaveFailed, ("error", ex.Message)), StatusCodes.Status422UnprocessableEntity, cancellationToken);
            }

            if (result == FaqSaveResult.Conflict)
            {
                return await FailAsync(ConsoleTexts.Fill(texts.UnansweredConflict, ("slug", slug)), StatusCodes.Status409Conflict, cancellationToken);
            }
        }

        await CloseAsync(question, UnansweredStatus.Resolved, entry.Slug, actor, cancellationToken);
        TempData["Flash"] = ConsoleTexts.Fill(texts.UnansweredAdded, ("slug", entry.Slug));
        return RedirectToPage(new { status = Status, p = PageNumber });
    }

    public async Task<IActionResult> OnPostIgnoreAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var question = await db.UnansweredQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }

        await CloseAsync(question, UnansweredStatus.Ignored, null, StaffActor.From(User), cancellationToken);
        TempData["Flash"] = texts.UnansweredIgnored;
        return RedirectToPage(new { status = Status, p = PageNumber });
    }

    /// <summary>Moves a new question to its final status once; the audit entry records who did it.</summary>
    private async Task CloseAsync(UnansweredQuestion question, UnansweredStatus status, string? slug, StaffActor actor, CancellationToken cancellationToken)
    {
        var changed = await db.UnansweredQuestions
            .Where(q => q.Id == question.Id && q.Status == UnansweredStatus.New)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, status).SetProperty(q => q.ResolvedSlug, slug), cancellationToken);
        if (changed == 0)
        {
            return;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = status == UnansweredStatus.Resolved ? "unanswered.resolve" : "unanswered.ignore",
            Target = $"unanswered:{question.Id}",
            Detail = slug is null ? null : $"faq:{slug}",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<IActionResult> FailAsync(string message, int status, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Error = message;
        await LoadAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Counts = await db.UnansweredQuestions.GroupBy(q => q.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        IQueryable<UnansweredQuestion> query = db.UnansweredQuestions.AsNoTracking();
        query = Status switch
        {
            "resolved" => query.Where(q => q.Status == UnansweredStatus.Resolved),
            "ignored" => query.Where(q => q.Status == UnansweredStatus.Ignored),
            "all" => query,
            _ => query.Where(q => q.Status == UnansweredStatus.New),
        };
        // New questions first, newest first; one extra row tells whether there is a next page.
        var rows = await query
            .OrderBy(q => q.Status == UnansweredStatus.New ? 0 : 1).ThenByDescending(q => q.AskedAt).ThenByDescending(q => q.Id)
            .Skip((Math.Clamp(PageNumber, 1, MaxPage) - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Questions = rows.Take(PageSize).ToList();
        Entries = await db.FaqEntries.AsNoTracking().OrderBy(f => f.Slug)
            .Select(f => new KeyValuePair<string, string>(f.Slug, f.Question)).ToListAsync(cancellationToken);
    }
}
