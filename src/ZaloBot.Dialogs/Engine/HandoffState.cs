namespace ZaloBot.Dialogs.Engine;

public sealed class HandoffState
{
    public HandoffStatus Status { get; set; }

    public DateTimeOffset? Since { get; set; }
}
