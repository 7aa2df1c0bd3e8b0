namespace ZaloBot.Web.Channel;

public enum OutboundPriority
{
    Interactive = 0,
    Notification = 1,
}
