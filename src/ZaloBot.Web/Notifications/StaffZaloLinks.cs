using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Text;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Notifications;

/// <summary>
/// Staff members' Zalo links: a link code for /console/account (hash stored, shown once), linking when the code comes back
/// in chat (applied as a turn effect, in the turn's transaction), unlinking and the opt-out. Every change is audited.
/// </summary>
public sealed class StaffZaloLinks(ZaloBotDbContext db, TimeProvider time, IOptions<StaffZaloOptions> options)
{
    public Task<StaffZaloLink?> FindAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<StaffZaloLink>().AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId, cancellationToken);

    /// <summary>A new code for this user (replacing any pending one); returns it and when it expires.</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> NewCodeAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var link = await RowAsync(actor.UserId, cancellationToken);
        var code = StaffLinkCodes.NewCode();
        link.CodeHash = StaffLinkCodes.Hash(code);
        link.CodeExpiresAt = time.GetUtcNow() + options.Value.LinkCodeLifetime;
        Audit(actor.UserId, actor.Name, "account.zalo-code", "new code");
        await db.SaveChangesAsync(cancellationToken);
        return (code, link.CodeExpiresAt.Value);
    }

    /// <summary>Links the Zalo user to the code's owner; false when the code is unknown, used or expired. Saved by the caller (the turn).</summary>
    public async Task<bool> LinkAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = StaffLinkCodes.Hash(code);
        var link = await db.Set<StaffZaloLink>().SingleOrDefaultAsync(l => l.CodeHash == hash && l.CodeExpiresAt > now, cancellationToken);
        if (link is null)
        {
            return false;
        }

        // One console user per Zalo account: a phone that linked another account before is moved, not shared.
        await db.Set<StaffZaloLink>().Where(l => l.ZaloUserId == zaloUserId && l.Id != link.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ZaloUserId, (string?)null).SetProperty(l => l.LinkedAt, (DateTimeOffset?)null), cancellationToken);
        link.ZaloUserId = zaloUserId;
        link.LinkedAt = now;
        link.CodeHash = null;
        link.CodeExpiresAt = null;
        Audit(link.UserId, "Zalo", "account.zalo-linked", "linked in chat");
        return true;
    }

    public async Task UnlinkAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var link = await RowAsync(actor.UserId, cancellationToken);
        link.ZaloUserId = null;
        link.LinkedAt = null;
        Audit(actor.UserId, actor.Name, "account.zalo-unlinked", "unlinked");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetNoticesAsync(StaffActor actor, bool on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var link = await RowAsync(actor.UserId, cancellationToken);
        link.OptOut = !on;
        Audit(actor.UserId, actor.Name, "account.zalo-notices", on ? "on" : "off");
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<StaffZaloLink> RowAsync(string userId, CancellationToken cancellationToken)
    {
        var link = await db.Set<StaffZaloLink>().SingleOrDefaultAsync(l => l.UserId == userId, cancellationToken);
        if (link is null)
        {
            link = new StaffZaloLink { UserId = userId };
            db.Add(link);
        }

        return link;
    }

    private void Audit(string userId, string actorName, string action, string detail) =>
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), ActorUserId = userId, ActorName = actorName, Action = action, Target = "user:" + userId, Detail = detail });
}
