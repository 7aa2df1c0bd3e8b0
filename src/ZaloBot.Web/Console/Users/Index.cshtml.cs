using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Users;

/// <summary>Staff accounts: create, change role and unit, deactivate. A change reaches the user's cookie within a minute (security stamp).</summary>
public sealed class IndexModel(ZaloBotDbContext db, UserManager<StaffUser> users, ConsoleTexts texts, TimeProvider time) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The latest console audit entries (sign-ins, settings, users, live chats); ticket actions are on each ticket.</summary>
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string email, string name, string role, int? unitId, string password, CancellationToken cancellationToken)
    {
        if (!StaffRoles.All.Contains(role) || (role == StaffRoles.Unit && unitId is null))
        {
            return await FailAsync(texts.UsersRoleRequired, cancellationToken);
        }

        if (unitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit, cancellationToken))
        {
            // A forged or stale unit id used to fail the foreign key on save (a 500).
            return await FailAsync(texts.UnitUnknown, cancellationToken);
        }

        var user = new StaffUser { UserName = email?.Trim(), Email = email?.Trim(), EmailConfirmed = true, DisplayName = name?.Trim() ?? "", UnitId = unitId };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return await FailAsync(ConsoleTexts.Fill(texts.UsersCreateFailed, ("error", string.Join(" ", created.Errors.Select(e => e.Description)))), cancellationToken);
        }

        await users.AddToRoleAsync(user, role);
        await AuditAsync("user.create", user, $"{role}; unit={unitId}", cancellationToken);
        TempData["Flash"] = ConsoleTexts.Fill(texts.UsersCreated, ("email", user.Email));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string id, string role, int? unitId, bool isActive, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!StaffRoles.All.Contains(role) || (role == StaffRoles.Unit && unitId is null))
        {
            return await FailAsync(texts.UsersRoleRequired, cancellationToken);
        }

        if (unitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit, cancellationToken))
        {
            // A forged or stale unit id used to fail the foreign key on save (a 500).
            return await FailAsync(texts.UnitUnknown, cancellationToken);
        }

        if (user.Id == StaffActor.From(User).UserId && (!isActive || role != StaffRoles.Admin))
        {
            return await FailAsync(texts.UsersCannotLockSelf, cancellationToken);
        }

        user.UnitId = unitId;
        user.IsActive = isActive;
        // An inactive account is locked out indefinitely as well, so sign-in and the cookie check both refuse it.
        user.LockoutEnd = isActive ? null : DateTimeOffset.MaxValue;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return await FailAsync(ConsoleTexts.Fill(texts.SaveFailed, ("error", string.Join(" ", updated.Errors.Select(e => e.Description)))), cancellationToken);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => r != role));
        if (!current.Contains(role))
        {
            await users.AddToRoleAsync(user, role);
        }

        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("user.update", user, $"{role}; unit={unitId}; active={isActive}", cancellationToken);
        TempData["Flash"] = ConsoleTexts.Fill(texts.UsersSaved, ("email", user.Email));
        return RedirectToPage();
    }

    private async Task AuditAsync(string action, StaffUser target, string detail, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name, Action = action, Target = $"user:{target.Email}", Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
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
        Units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        Rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new Row(
                u.Id, u.Email ?? "", u.DisplayName, u.UnitId, u.IsActive, u.LockoutEnd,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        Audit = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
    }

    public sealed record Row(string Id, string Email, string Name, int? UnitId, bool IsActive, DateTimeOffset? LockoutEnd, string? Role);
}
