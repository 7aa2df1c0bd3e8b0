using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>The published FAQ answers, read from PostgreSQL (one indexed lookup by slug).</summary>
public sealed class BotFaqCatalog(IServiceScopeFactory scopes) : IFaqCatalog
{
    public async Task<FaqAnswer?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var row = await db.FaqEntries.AsNoTracking()
            .Where(f => f.Slug == slug && f.IsPublished)
            .Select(f => new { f.Slug, f.Question, f.Answer, f.Related })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new FaqAnswer(row.Slug, row.Question, row.Answer, row.Related);
    }
}
