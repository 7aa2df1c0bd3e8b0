namespace ZaloBot.Web.Conversations;

public enum HandoffState
{
    Waiting = 0,
    Active = 1,
    Closed = 2,
}
