using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.BusinessDialogue;

/// <summary>The chat's read-only view of the dialogue sessions over PostgreSQL.</summary>
public sealed class BotDialogueBoard(IServiceScopeFactory scopes, TimeProvider time) : IDialogueBoard
{
    private static readonly System.Linq.Expressions.Expression<Func<DialogueSession, DialogueSessionView>> View =
        s => new DialogueSessionView(s.Id, s.Title, s.StartsAt, s.Place, s.OnlineUrl, s.Topics, s.RegistrationDeadline);

    public async Task<IReadOnlyList<DialogueSessionView>> OpenSessionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Open(scope).OrderBy(s => s.StartsAt).Select(View).ToListAsync(cancellationToken);
    }

    public async Task<DialogueSessionView?> FindOpenSessionAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Open(scope).Where(s => s.Id == sessionId).Select(View).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Sessions whose registration deadline (local date, inclusive) is today or later.</summary>
    private IQueryable<DialogueSession> Open(AsyncServiceScope scope)
    {
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        return scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>().DialogueSessions.AsNoTracking().Where(s => s.RegistrationDeadline >= today);
    }

    public async Task<bool> IsRegisteredAsync(string zaloUserId, long sessionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        return await db.DialogueRegistrations.AnyAsync(r => r.SessionId == sessionId && r.ZaloUserId == zaloUserId, cancellationToken);
    }
}
