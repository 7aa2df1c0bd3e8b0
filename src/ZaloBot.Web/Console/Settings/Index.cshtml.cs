using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Settings;

/// <summary>
/// Admin settings: units and wards, categories (default unit, deadline), reply templates, holidays. Edits carry the
/// row's xmin, so two admins do not overwrite each other; every change is written to the audit log.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, ConsoleTexts texts, BotFeedbackDesk botDesk, TimeProvider time) : PageModel
{
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];

    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUnitAsync(int id, uint version, string name, string? phone, string? address, bool isActive, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return await FailAsync(texts.SettingsUnitNameEmpty, cancellationToken);
        }

        if (unit.Version != version)
        {
            return await FailAsync(texts.SettingsConflict, cancellationToken);
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.Name = name.Trim();
        unit.Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        unit.Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        unit.IsActive = isActive;
        Audit("unit.update", $"unit:{unit.Code}", $"{unit.Name}; active={isActive}");
        return await SaveAsync(ConsoleTexts.Fill(texts.SettingsUnitSaved, ("name", unit.Name)), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddUnitAsync(string code, string name, OrgUnitKind kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
        {
            return await FailAsync(texts.SettingsUnitFieldsRequired, cancellationToken);
        }

        code = code.Trim().ToLowerInvariant();
        if (await db.OrgUnits.AnyAsync(u => u.Code == code, cancellationToken))
        {
            return await FailAsync(ConsoleTexts.Fill(texts.SettingsUnitCodeTaken, ("code", code)), cancellationToken);
        }

        db.OrgUnits.Add(new OrgUnit { Code = code, Name = name.Trim(), Kind = kind, SortOrder = 100 });
        Audit("unit.create", $"unit:{code}", name.Trim());
        return await SaveAsync(ConsoleTexts.Fill(texts.SettingsUnitAdded, ("name", name.Trim())), cancellationToken);
    }

    public async Task<IActionResult> OnPostCategoryAsync(int id, uint version, int? defaultUnitId, int deadlineWorkingDays, bool isActive, CancellationToken cancellationToken)
    {
        var category = await db.FeedbackCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        // The legal limit for answering feedback is 10 working days, extendable; 60 is a generous ceiling against typos.
        if (deadlineWorkingDays is < 0 or > 60)
        {
            return await FailAsync(texts.SettingsDeadlineRange, cancellationToken);
        }

        if (defaultUnitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit, cancellationToken))
        {
            return await FailAsync(texts.UnitUnknown, cancellationToken);
        }

        if (category.Version != version)
        {
            return await FailAsync(texts.SettingsConflict, cancellationToken);
        }

        db.Entry(category).Property(c => c.Version).OriginalValue = version;
        category.DefaultUnitId = defaultUnitId;
        category.DeadlineWorkingDays = deadlineWorkingDays;
        category.IsActive = isActive;
        Audit("category.update", $"category:{category.Code}", $"unit={defaultUnitId}; days={deadlineWorkingDays}; active={isActive}");
        return await SaveAsync(ConsoleTexts.Fill(texts.SettingsCategorySaved, ("name", category.Name)), cancellationToken);
    }

    public async Task<IActionResult> OnPostTemplateAsync(int? id, uint version, string title, string body, bool isActive, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body))
        {
            return await FailAsync(texts.SettingsTemplateFieldsRequired, cancellationToken);
        }

        ReplyTemplate? template;
        if (id is { } existing)
        {
            template = await db.ReplyTemplates.SingleOrDefaultAsync(t => t.Id == existing, cancellationToken);
            if (template is null)
            {
                return NotFound();
            }

            if (template.Version != version)
        {
            return await FailAsync(texts.SettingsConflict, cancellationToken);
        }

        db.Entry(template).Property(t => t.Version).OriginalValue = version;
            template.Title = title.Trim();
            template.Body = body.Trim();
            template.IsActive = isActive;
        }
        else
        {
            template = new ReplyTemplate { Title = title.Trim(), Body = body.Trim() };
            db.ReplyTemplates.Add(template);
        }

        Audit(id is null ? "template.create" : "template.update", $"template:{id}", title.Trim());
        return await SaveAsync(ConsoleTexts.Fill(texts.SettingsTemplateSaved, ("title", title.Trim())), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddDayAsync(DateOnly date, CalendarDayKind kind, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || date == default)
        {
            return await FailAsync(texts.SettingsDayFieldsRequired, cancellationToken);
        }

        // The calendar plans deadlines a few years ahead; 9999-12-31 or year 1 is a typo, refused before it is stored.
        var thisYear = WorkingDayCalendar.LocalDate(time.GetUtcNow()).Year;
        if (date.Year < thisYear - 1 || date.Year > thisYear + 5)
        {
            return await FailAsync(ConsoleTexts.Fill(texts.SettingsDayYearRange, ("first", thisYear - 1), ("last", thisYear + 5)), cancellationToken);
        }

        if (name.Trim().Length > 200)
        {
            return await FailAsync(texts.SettingsDayNameTooLong, cancellationToken);
        }

        if (await db.CalendarDays.AnyAsync(d => d.Date == date, cancellationToken))
        {
            return await FailAsync(ConsoleTexts.Fill(texts.SettingsDayExists, ("date", ConsoleFormat.Date(date))), cancellationToken);
        }

        db.CalendarDays.Add(new CalendarDay { Date = date, Kind = kind, Name = name.Trim() });
        Audit("calendar.add", $"day:{date:yyyy-MM-dd}", $"{kind}: {name.Trim()}");
        return await SaveAsync(ConsoleTexts.Fill(texts.SettingsDayAdded, ("date", ConsoleFormat.Date(date))), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is not null)
        {
            db.CalendarDays.Remove(day);
            Audit("calendar.delete", $"day:{date:yyyy-MM-dd}", day.Name);
        }

        return await SaveAsync(ConsoleTexts.Fill(texts.SettingsDayDeleted, ("date", ConsoleFormat.Date(date))), cancellationToken);
    }

    private void Audit(string action, string? target, string? detail)
    {
        var actor = StaffActor.From(User);
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name, Action = action, Target = target, Detail = detail });
    }

    private async Task<IActionResult> SaveAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await FailAsync(texts.SettingsConflict, cancellationToken);
        }

        // The bot keeps units and categories for a few seconds: this instance's next turn sees the edit.
        botDesk.InvalidateReferenceData();
        TempData["Flash"] = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Error = message;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        Categories = await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        Templates = await db.ReplyTemplates.AsNoTracking().OrderBy(t => t.Title).ToListAsync(cancellationToken);
        var fromYear = new DateOnly(WorkingDayCalendar.LocalDate(time.GetUtcNow()).Year, 1, 1);
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= fromYear).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }
}
