namespace ZaloBot.Web.Faq;

public enum UnansweredStatus
{
    New = 0,
    Resolved = 1,
    Ignored = 2,
}
