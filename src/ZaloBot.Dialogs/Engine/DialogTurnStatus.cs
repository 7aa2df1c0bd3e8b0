namespace ZaloBot.Dialogs.Engine;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty = 0,

    /// <summary>The active dialog waits for the citizen's next message.</summary>
    Waiting = 1,

    /// <summary>The last dialog on the stack ended (with a result).</summary>
    Complete = 2,

    /// <summary>The stack was cancelled.</summary>
    Cancelled = 3,
}
