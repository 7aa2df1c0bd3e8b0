using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Account;

/// <summary>
/// The signed-in user's own settings: e-mail notices on or off (a row in staff_notification_settings), and Zalo notices:
/// a link code to type in chat, then on/off or unlink (<see cref="StaffZaloLinks"/>). Every change is audited.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, TimeProvider time, StaffZaloLinks zaloLinks) : PageModel
{
    public bool EmailNotices { get; private set; } = true;

    public StaffZaloLink? ZaloLink { get; private set; }

    /// <summary>The code just made (shown once: only its hash is stored) and until when it works.</summary>
    public string? NewCode { get; private set; }

    public DateTimeOffset? NewCodeExpiresAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StaffActor.From(User).UserId;
        EmailNotices = !await db.Set<StaffNotificationSetting>().AnyAsync(s => s.UserId == userId && s.EmailOptOut, cancellationToken);
        ZaloLink = await zaloLinks.FindAsync(userId, cancellationToken);
    }

    public async Task OnPostZaloCodeAsync(CancellationToken cancellationToken)
    {
        (NewCode, var expires) = await zaloLinks.NewCodeAsync(StaffActor.From(User), cancellationToken);
        NewCodeExpiresAt = expires;
        await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostZaloNoticesAsync(bool zaloNotices, CancellationToken cancellationToken)
    {
        await zaloLinks.SetNoticesAsync(StaffActor.From(User), zaloNotices, cancellationToken);
        TempData["AccountSaved"] = zaloNotices ? "zalo-on" : "zalo-off";
        return Redirect("/console/account");
    }

    public async Task<IActionResult> OnPostZaloUnlinkAsync(CancellationToken cancellationToken)
    {
        await zaloLinks.UnlinkAsync(StaffActor.From(User), cancellationToken);
        TempData["AccountSaved"] = "zalo-unlinked";
        return Redirect("/console/account");
    }

    public async Task<IActionResult> OnPostAsync(bool emailNotices, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        var setting = await db.Set<StaffNotificationSetting>().SingleOrDefaultAsync(s => s.UserId == actor.UserId, cancellationToken);
        if (setting is null)
        {
            setting = new StaffNotificationSetting { UserId = actor.UserId };
            db.Add(setting);
        }

        setting.EmailOptOut = !emailNotices;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name, Action = "account.email-notices",
            Target = "user:" + actor.UserId, Detail = emailNotices ? "on" : "off",
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["AccountSaved"] = emailNotices ? "on" : "off";
        return Redirect("/console/account");
    }
}
