namespace ZaloBot.Web.Feedback;

public enum TicketActionOutcome
{
    Done = 0,

    /// <summary>No such ticket, or not visible to this user (never says which).</summary>
    NotFound = 1,

    /// <summary>Someone else changed the ticket since the user loaded it (xmin changed).</summary>
    Conflict = 2,

    /// <summary>Refused by the workflow or the input (the result code says why).</summary>
    Invalid = 3,

    /// <summary>Zalo's 7-day window has closed: record a phone call instead.</summary>
    WindowClosed = 4,
}
