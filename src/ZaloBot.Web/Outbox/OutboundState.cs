namespace ZaloBot.Web.Outbox;

public enum OutboundState
{
    Queued = 0,
    Sending = 1,
    Sent = 2,
    Delivered = 3,
    Seen = 4,
    Failed = 5,

    /// <summary>
    /// "Unknown — check": an attempt of a row that is not safe to repeat (staff reply, notification) ended without
    /// knowing whether Zalo delivered it. Not resent by itself; shown on the ticket page with a one-click resend.
    /// </summary>
    Unknown = 6,
}
