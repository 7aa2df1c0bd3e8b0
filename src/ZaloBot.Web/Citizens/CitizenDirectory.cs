using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Citizens;

/// <summary>
/// Finds the citizen row of a Zalo user, creating it on first contact (safe under concurrent first messages).
/// The call comes from the citizen's own action, so a new row starts their reply window now.
/// </summary>
public static class CitizenDirectory
{
    public static async Task<Citizen> GetOrCreateAsync(ZaloBotDbContext db, string zaloUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var citizen = await db.Citizens.SingleOrDefaultAsync(c => c.ZaloUserId == zaloUserId, cancellationToken);
        if (citizen is not null)
        {
            return citizen;
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO citizens (zalo_user_id, first_seen_at, last_interaction_at, is_follower) VALUES ({zaloUserId}, {now}, {now}, false) ON CONFLICT (zalo_user_id) DO NOTHING",
            cancellationToken);
        return await db.Citizens.SingleAsync(c => c.ZaloUserId == zaloUserId, cancellationToken);
    }

    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
