namespace ZaloBot.Dialogs.Engine;

public enum HandoffStatus
{
    /// <summary>The bot talks.</summary>
    None = 0,

    /// <summary>A live request waits in the office queue; the bot still answers.</summary>
    Requested = 1,

    /// <summary>A staff member holds the conversation; the bot is silent except for "kết thúc".</summary>
    WithStaff = 2,
}
