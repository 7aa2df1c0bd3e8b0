namespace ZaloBot.Web.Outbox;

public enum OutboundState
{
    Queued = 0,
    Sending = 1,
    Sent = 2,
    Delivered = 3,
    Seen = 4,
    Failed = 5,
}
