namespace ZaloBot.Web.Notifications;

public enum StaffMailState
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}
