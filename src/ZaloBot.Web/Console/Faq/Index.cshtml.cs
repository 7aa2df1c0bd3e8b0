using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Faq;

/// <summary>
/// The FAQ knowledge base: search (accent-insensitive) and filters, votes per entry, YAML export for everyone who may
/// view, YAML import for admins. Edits go through <see cref="FaqEditor"/>, which keeps revisions and rebuilds the recognizer.
/// </summary>
[Authorize(Policy = ConsolePolicies.Office)]
public sealed class IndexModel(ZaloBotDbContext db, FaqEditor editor, ConsoleTexts texts) : PageModel
{
    /// <summary>The seed faq.yaml of 30 entries is about 60 KB; 1 MB leaves room for ~500 entries and stops accidental uploads.</summary>
    public const long MaxImportBytes = 1024 * 1024;

    public IReadOnlyList<FaqRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>"yes", "no" or empty (both).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Published { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Review { get; set; }

    public string? Error { get; private set; }

    public bool CanEdit => User.IsInRole(StaffRoles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var yaml = await editor.ExportAsync(cancellationToken);
        return File(Encoding.UTF8.GetBytes(yaml), "application/yaml", "faq.yaml");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            return await FailAsync(texts.FaqImportNoFile, cancellationToken);
        }

        if (file.Length > MaxImportBytes)
        {
            return await FailAsync(texts.FaqImportTooLarge, cancellationToken);
        }

        string yaml;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            yaml = await reader.ReadToEndAsync(cancellationToken);
        }

        try
        {
            var (added, updated) = await editor.ImportAsync(yaml, StaffActor.From(User).Name, cancellationToken);
            TempData["Flash"] = ConsoleTexts.Fill(texts.FaqImported, ("added", added), ("updated", updated));
        }
        catch (FormatException ex)
        {
            db.ChangeTracker.Clear();
            return await FailAsync(ConsoleTexts.Fill(texts.FaqImportInvalid, ("error", ex.Message)), cancellationToken);
        }

        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // At most a few thousand entries: filtering in memory lets the search ignore Vietnamese accents.
        var entries = await db.FaqEntries.AsNoTracking().OrderBy(f => f.Category).ThenBy(f => f.Slug).ToListAsync(cancellationToken);
        var votes = await db.FaqVotes.AsNoTracking()
            .GroupBy(v => v.Slug)
            .Select(g => new { Slug = g.Key, Up = g.Count(v => v.Helpful), Down = g.Count(v => !v.Helpful) })
            .ToDictionaryAsync(v => v.Slug, cancellationToken);
        Total = entries.Count;
        Categories = entries.Select(f => f.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var terms = Fold(Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Rows = entries
            .Where(f => string.IsNullOrEmpty(Category) || f.Category == Category)
            .Where(f => Published switch { "yes" => f.IsPublished, "no" => !f.IsPublished, _ => true })
            .Where(f => !Review || f.NeedsReview)
            .Where(f => terms.Length == 0 || Matches(f, terms))
            .Select(f => new FaqRow(
                f.Slug, f.Category, f.Question, f.Phrasings.Count, f.IsPublished, f.NeedsReview, f.Revision, f.UpdatedBy, f.UpdatedAt,
                votes.TryGetValue(f.Slug, out var v) ? v.Up : 0,
                votes.TryGetValue(f.Slug, out var w) ? w.Down : 0))
            .ToList();
    }

    private static bool Matches(ZaloBot.Web.Faq.StoredFaqEntry entry, string[] terms)
    {
        var haystack = Fold(string.Join(' ', [entry.Slug.Replace('-', ' '), entry.Question, .. entry.Phrasings]));
        return terms.All(t => haystack.Contains(t, StringComparison.Ordinal));
    }

    /// <summary>Lower case without tones and vowel marks (đ → d), so "dang ky khai sinh" finds "Đăng ký khai sinh".</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
