using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.BusinessDialogue;

/// <summary>The chat's read-only view of the dialogue sessions over PostgreSQL.</summary>
public sealed class BotDialogueBoard(IServiceScopeFactory scopes, TimeProvider time) : IDialogueBoard
{
    public async Task<IReadOnlyList<DialogueSessionView>> OpenSessionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        return await db.DialogueSessions.AsNoTracking()
            .Where(s => s.RegistrationDeadline >= today)
            .OrderBy(s => s.StartsAt)
            .Select(s => new DialogueSessionView(s.Id, s.Title, s.StartsAt, s.Place, s.OnlineUrl, s.Topics, s.RegistrationDeadline))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> IsRegisteredAsync(string zaloUserId, long sessionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        return await db.DialogueRegistrations.AnyAsync(r => r.SessionId == sessionId && r.ZaloUserId == zaloUserId, cancellationToken);
    }
}
