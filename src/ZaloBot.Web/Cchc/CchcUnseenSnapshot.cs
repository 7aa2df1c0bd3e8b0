using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Cchc;

/// <summary>
/// Which citizens may have a "tin mới" notice waiting (an active subscription and a published post since it that they
/// were never told of), taken in one query and kept for <see cref="CchcOptions.NewPostsSnapshotAge"/>. Every plain
/// message asks <see cref="BotCchcBoard.UnseenAsync"/>; without this each asked PostgreSQL (a scope, a DbContext and a
/// query: about 40 % of a dialog turn's CPU under a backlog, docs/performance.md "Turns"), although almost nobody has
/// anything waiting. Citizens outside the set are answered "nothing" without a query; those inside get the real query.
/// <para>
/// Why a stale set is safe: it can only miss citizens who gained a notice after it was taken. Subscribing never does (a
/// subscription starts from now: older posts are not "new" to it), being told of a post only removes one, so only a
/// publication adds notices: a publication in this process drops the set at once (<see cref="Invalidate"/>), one in
/// another process is seen within the snapshot's age, and the citizen hears of it on a later visit instead.
/// </para>
/// </summary>
public sealed class CchcUnseenSnapshot : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimedSnapshot<FrozenSet<string>> _users;

    public CchcUnseenSnapshot(IServiceScopeFactory scopes, IOptions<CchcOptions> options, TimeProvider time)
    {
        _scopes = scopes;
        _users = new TimedSnapshot<FrozenSet<string>>(LoadAsync, () => options.Value.NewPostsSnapshotAge, time);
    }

    /// <summary>A post was published here: the next question takes a new set (one being taken now is not used).</summary>
    public void Invalidate() => _users.Invalidate();

    /// <summary>False when <paramref name="zaloUserId"/> surely has no notice waiting (as of the snapshot's age).</summary>
    public async ValueTask<bool> MayHaveUnseenAsync(string zaloUserId, CancellationToken cancellationToken) =>
        (await _users.GetAsync(cancellationToken)).Contains(zaloUserId);

    private async Task<FrozenSet<string>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var users = await db.CchcSubscriptions.AsNoTracking()
            .Where(s => s.IsActive && db.CchcPosts.Any(p => p.Status == CchcPostStatus.Published && p.PublishedAt > s.SubscribedAt
                && !db.CchcDeliveries.Any(d => d.PostId == p.Id && d.ZaloUserId == s.ZaloUserId)))
            .Select(s => s.ZaloUserId)
            .ToListAsync(cancellationToken);
        return users.ToFrozenSet(StringComparer.Ordinal);
    }

    public void Dispose() => _users.Dispose();
}
