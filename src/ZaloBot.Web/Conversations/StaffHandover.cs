using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Tells the dialog engine that staff took a citizen's conversation (the bot goes silent, except "kết thúc") or
/// handed it back (the bot greets with the menu). It is a turn like a citizen's, committed by
/// <see cref="TurnCommitter"/> under the key of the handoff, so a repeated click commits (and sends) nothing twice.
/// Its own scope: the committer's DbContext must not share the console page's tracked entities.
/// </summary>
public sealed class StaffHandover(IServiceScopeFactory scopes, TimeProvider time)
{
    public Task TookOverAsync(string zaloUserId, long handoffId, CancellationToken cancellationToken) =>
        RunAsync(zaloUserId, ActivityType.StaffTookOver, $"handoff:{handoffId}:taken", cancellationToken);

    public Task ReleasedAsync(string zaloUserId, long handoffId, CancellationToken cancellationToken) =>
        RunAsync(zaloUserId, ActivityType.StaffReleased, $"handoff:{handoffId}:released", cancellationToken);

    private async Task RunAsync(string zaloUserId, ActivityType type, string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var activity = new Activity { Type = type, UserId = zaloUserId, MessageId = key, Timestamp = time.GetUtcNow() };
        await scope.ServiceProvider.GetRequiredService<TurnCommitter>().CommitAsync(new InboundTurn(null, zaloUserId, key, []) { Activity = activity }, cancellationToken);
    }
}
