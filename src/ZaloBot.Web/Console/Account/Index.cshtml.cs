using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Account;

/// <summary>The signed-in user's own settings: e-mail notices on or off (a row in staff_notification_settings; audited).</summary>
public sealed class IndexModel(ZaloBotDbContext db, TimeProvider time) : PageModel
{
    public bool EmailNotices { get; private set; } = true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StaffActor.From(User).UserId;
        EmailNotices = !await db.Set<StaffNotificationSetting>().AnyAsync(s => s.UserId == userId && s.EmailOptOut, cancellationToken);
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
