namespace ZaloBot.Dialogs.Ports;

/// <summary>Read-only view of the business dialogue sessions for the chat; the web app implements it over PostgreSQL.</summary>
public interface IDialogueBoard
{
    /// <summary>Sessions whose registration deadline (local date, inclusive) is today or later, soonest first.</summary>
    Task<IReadOnlyList<DialogueSessionView>> OpenSessionsAsync(CancellationToken cancellationToken);

    /// <summary>The session if it is still open for registration and questions (as in <see cref="OpenSessionsAsync"/>), else null.</summary>
    Task<DialogueSessionView?> FindOpenSessionAsync(long sessionId, CancellationToken cancellationToken);

    /// <summary>Whether this Zalo user already registered a business for the session.</summary>
    Task<bool> IsRegisteredAsync(string zaloUserId, long sessionId, CancellationToken cancellationToken);
}
