namespace ZaloBot.Web.Feedback;

/// <summary>received → accepted → in progress → answered → closed; or rejected / transferred.</summary>
public enum TicketStatus
{
    Received = 0,
    Accepted = 1,
    InProgress = 2,
    Answered = 3,
    Closed = 4,
    Rejected = 5,
    Transferred = 6,
}
