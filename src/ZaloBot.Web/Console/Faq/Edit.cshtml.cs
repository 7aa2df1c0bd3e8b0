using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Faq;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using DialogFaqEntry = ZaloBot.Dialogs.Faq.FaqEntry;

namespace ZaloBot.Web.Console.Faq;

/// <summary>
/// Edits one FAQ entry (<c>/console/faq/edit/{slug}</c>) or creates one (<c>/console/faq/new</c>, optionally prefilled
/// from an unanswered question). Saves through <see cref="FaqEditor"/> with the xmin the form was loaded with, so a
/// concurrent edit is reported instead of overwritten. Office users see the page read-only; only admins may post.
/// </summary>
[Authorize(Policy = ConsolePolicies.Office)]
public sealed class EditModel(ZaloBotDbContext db, FaqEditor editor, ConsoleTexts texts, TimeProvider time) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    /// <summary>One phrasing per line.</summary>
    [BindProperty]
    public string? Phrasings { get; set; }

    /// <summary>Related slugs, one per line or comma-separated.</summary>
    [BindProperty]
    public string? Related { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public bool IsPublished { get; set; } = true;

    [BindProperty]
    public bool NeedsReview { get; set; }

    /// <summary>The entry's xmin when the form was loaded; null for a new entry.</summary>
    [BindProperty]
    public uint? Version { get; set; }

    /// <summary>The unanswered question this new entry answers (marked resolved on save).</summary>
    [BindProperty(SupportsGet = true)]
    public long? From { get; set; }

    public bool IsNew { get; private set; }

    public bool CanEdit => User.IsInRole(StaffRoles.Admin);

    public string? Error { get; private set; }

    /// <summary>The stored entry (after a conflict: the other editor's version).</summary>
    public StoredFaqEntry? Current { get; private set; }

    public IReadOnlyList<FaqEntryRevision> Revisions { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public IReadOnlyList<string> AllSlugs { get; private set; } = [];

    public int AnswerLength => Answer?.Length ?? 0;

    public async Task<IActionResult> OnGetAsync([FromRoute] string mode, [FromRoute] string? slug, CancellationToken cancellationToken)
    {
        IsNew = mode == "new";
        if (IsNew != (slug is null))
        {
            return NotFound();
        }

        if (IsNew)
        {
            if (From is { } id && await db.UnansweredQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken) is { } unanswered)
            {
                Question = unanswered.Text.Trim();
                Phrasings = unanswered.Text.Trim();
            }
        }
        else
        {
            var entry = await db.FaqEntries.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, cancellationToken);
            if (entry is null)
            {
                return NotFound();
            }

            Fill(entry);
        }

        await LoadAsync(IsNew ? null : slug, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string mode, [FromRoute] string? slug, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        IsNew = mode == "new";
        if (IsNew != (slug is null))
        {
            return NotFound();
        }

        if (!IsNew && !await db.FaqEntries.AnyAsync(f => f.Slug == slug, cancellationToken))
        {
            return NotFound();
        }

        var target = IsNew ? (Slug ?? "").Trim().ToLowerInvariant() : slug!;
        Slug = target;
        // Browsers send textarea line breaks as CRLF; Zalo and the 2,000-character limit count a line break as one.
        Answer = (Answer ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        var phrasings = Lines(Phrasings, ['\n']);
        var related = Lines(Related, ['\n', ',', ';']).Select(r => r.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

        var existingSlugs = await db.FaqEntries.Select(f => f.Slug).ToListAsync(cancellationToken);
        var problem = Check(target, existingSlugs, related);
        if (problem is not null)
        {
            return await FailAsync(problem, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var content = new DialogFaqEntry(target, Category!.Trim(), Question!.Trim(), phrasings, related, Answer, NeedsReview, IsPublished);
        var actor = StaffActor.From(User);
        FaqSaveResult result;
        try
        {
            result = await editor.SaveAsync(content, IsNew ? null : Version, actor.Name, cancellationToken);
        }
        catch (FormatException ex)
        {
            return await FailAsync(ConsoleTexts.Fill(texts.FaqContentInvalid, ("error", ex.Message)), StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        catch (DbUpdateException) when (IsNew)
        {
            // Another admin created the same slug between the check above and the insert (unique index).
            return await FailAsync(ConsoleTexts.Fill(texts.FaqSlugTaken, ("slug", target)), StatusCodes.Status409Conflict, cancellationToken);
        }

        if (result == FaqSaveResult.Conflict)
        {
            return await FailAsync(
                texts.FaqConflict,
                StatusCodes.Status409Conflict,
                cancellationToken);
        }

        if (IsNew && From is { } questionId)
        {
            var resolved = await db.UnansweredQuestions
                .Where(q => q.Id == questionId && q.Status == UnansweredStatus.New)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, UnansweredStatus.Resolved).SetProperty(q => q.ResolvedSlug, target), cancellationToken);
            if (resolved == 1)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name,
                    Action = "unanswered.resolve", Target = $"unanswered:{questionId}", Detail = $"new faq:{target}",
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        TempData["Flash"] = ConsoleTexts.Fill(IsNew ? texts.FaqAdded : texts.FaqSaved, ("slug", target));
        return Redirect($"/console/faq/edit/{target}");
    }

    private string? Check(string target, IReadOnlyList<string> existingSlugs, IReadOnlyList<string> related)
    {
        // FaqEditor skips the concurrency check without an expected version, so an edit must carry the loaded one.
        if (!IsNew && Version is null)
        {
            return texts.FaqVersionMissing;
        }

        if (IsNew)
        {
            if (target.Length == 0)
            {
                return texts.FaqSlugRequired;
            }

            if (existingSlugs.Contains(target, StringComparer.Ordinal))
            {
                return ConsoleTexts.Fill(texts.FaqSlugTaken, ("slug", target));
            }
        }

        if (string.IsNullOrWhiteSpace(Question) || string.IsNullOrWhiteSpace(Category) || Answer!.Length == 0)
        {
            return texts.FaqFieldsRequired;
        }

        if (Answer.Length > FaqContent.MaxAnswerLength)
        {
            return ConsoleTexts.Fill(texts.FaqAnswerTooLong, ("length", Answer.Length.ToString("N0", Vietnamese)));
        }

        var unknown = related.Where(r => r == target || !existingSlugs.Contains(r, StringComparer.Ordinal)).ToList();
        return unknown.Count > 0
            ? ConsoleTexts.Fill(texts.FaqRelatedUnknown, ("slugs", string.Join(", ", unknown)))
            : null;
    }

    private static List<string> Lines(string? text, char[] separators) =>
        (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private void Fill(StoredFaqEntry entry)
    {
        Slug = entry.Slug;
        Question = entry.Question;
        Category = entry.Category;
        Phrasings = string.Join('\n', entry.Phrasings);
        Related = string.Join('\n', entry.Related);
        Answer = entry.Answer;
        IsPublished = entry.IsPublished;
        NeedsReview = entry.NeedsReview;
        Version = entry.Version;
    }

    private async Task<IActionResult> FailAsync(string message, int status, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Error = message;
        await LoadAsync(IsNew ? null : Slug, cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(string? slug, CancellationToken cancellationToken)
    {
        var all = await db.FaqEntries.AsNoTracking().Select(f => new { f.Slug, f.Category }).ToListAsync(cancellationToken);
        AllSlugs = all.Select(f => f.Slug).Order(StringComparer.Ordinal).ToList();
        Categories = all.Select(f => f.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (slug is null)
        {
            return;
        }

        Current = await db.FaqEntries.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, cancellationToken);
        if (Current is not null)
        {
            var id = Current.Id;
            Revisions = await db.FaqEntryRevisions.AsNoTracking().Where(r => r.FaqEntryId == id).OrderByDescending(r => r.Revision).Take(50).ToListAsync(cancellationToken);
        }
    }
}
