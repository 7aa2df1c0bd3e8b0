namespace ZaloBot.Dialogs.Engine;

/// <summary>Per-user state that survives conversation resets: handoff, flood counter, seen message ids.</summary>
public sealed class UserState
{
    public HandoffState Handoff { get; set; } = new();

    public FloodCounter Flood { get; set; } = new();

    /// <summary>The last few processed message ids, newest last: a redelivered message is ignored.</summary>
    public List<string> RecentMessageIds { get; set; } = [];
}
