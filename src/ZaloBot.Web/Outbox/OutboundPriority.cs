namespace ZaloBot.Web.Outbox;

public enum OutboundPriority
{
    Interactive = 0,
    Notification = 1,
}
