namespace ZaloBot.Dialogs.Engine;

/// <summary>Per-user state that survives conversation resets: handoff and flood counter.</summary>
public sealed class UserState
{
    public HandoffState Handoff { get; set; } = new();

    public FloodCounter Flood { get; set; } = new();
}
