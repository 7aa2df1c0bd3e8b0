using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Cchc;

/// <summary>The chat's read-only view of the CCHC section over PostgreSQL (published posts only; index status + published_at).</summary>
public sealed class BotCchcBoard(IServiceScopeFactory scopes, IOptions<CchcOptions> options, CchcUnseenSnapshot snapshot) : ICchcBoard
{
    public async Task<IReadOnlyList<CchcPostView>> LatestAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.CchcPosts.AsNoTracking()
            .Where(p => p.Status == CchcPostStatus.Published)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip(skip).Take(take)
            .Select(p => new { p.Id, p.Title, p.Summary, p.PublishedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new CchcPostView(p.Id, p.Title, p.Summary, options.Value.PostUrl(p.Id), p.PublishedAt!.Value)).ToList();
    }

    public async Task<bool> IsSubscribedAsync(string zaloUserId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        return await db.CchcSubscriptions.AnyAsync(s => s.ZaloUserId == zaloUserId && s.IsActive, cancellationToken);
    }

    public async Task<IReadOnlyList<CchcPostView>> UnseenAsync(string zaloUserId, int max, CancellationToken cancellationToken)
    {
        if (!await snapshot.MayHaveUnseenAsync(zaloUserId, cancellationToken))
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var since = await db.CchcSubscriptions.AsNoTracking()
            .Where(s => s.ZaloUserId == zaloUserId && s.IsActive)
            .Select(s => (DateTimeOffset?)s.SubscribedAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (since is null)
        {
            return [];
        }

        var rows = await db.CchcPosts.AsNoTracking()
            .Where(p => p.Status == CchcPostStatus.Published && p.PublishedAt > since)
            .Where(p => !db.CchcDeliveries.Any(d => d.PostId == p.Id && d.ZaloUserId == zaloUserId))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(max)
            .Select(p => new { p.Id, p.Title, p.Summary, p.PublishedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new CchcPostView(p.Id, p.Title, p.Summary, options.Value.PostUrl(p.Id), p.PublishedAt!.Value)).ToList();
    }
}
