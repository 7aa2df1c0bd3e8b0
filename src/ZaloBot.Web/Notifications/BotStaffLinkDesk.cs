using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Text;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Notifications;

/// <summary>The chat's read-only lookup of link codes (by hash, unexpired) over PostgreSQL.</summary>
public sealed class BotStaffLinkDesk(IServiceScopeFactory scopes, TimeProvider time) : IStaffLinkDesk
{
    public async Task<StaffLinkView?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var hash = StaffLinkCodes.Hash(code);
        var now = time.GetUtcNow();
        return await (
                from l in db.Set<StaffZaloLink>().AsNoTracking()
                join u in db.Users.AsNoTracking() on l.UserId equals u.Id
                where l.CodeHash == hash && l.CodeExpiresAt > now && u.IsActive
                select new StaffLinkView(u.Id, u.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
