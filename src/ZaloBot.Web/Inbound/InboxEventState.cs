namespace ZaloBot.Web.Inbound;

public enum InboxEventState
{
    /// <summary>Accepted while Redis was down; waits to be moved to the stream.</summary>
    Pending = 0,

    /// <summary>Handed to the stream (or processed).</summary>
    Forwarded = 1,

    /// <summary>Failed too many times; visible with its error and can be re-driven.</summary>
    DeadLettered = 2,
}
