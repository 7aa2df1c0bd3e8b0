namespace ZaloBot.Dialogs.Ports;

/// <summary>
/// How far a ticket has come, as the bot tells the citizen: five steps, coarser than the staff workflow's
/// <c>ZaloBot.Web.Feedback.TicketStatus</c> (accepted reads as in progress, rejected as closed).
/// </summary>
public enum TicketProgress
{
    Received = 0,
    InProgress = 1,
    Answered = 2,
    Closed = 3,
    Reopened = 4,
}
