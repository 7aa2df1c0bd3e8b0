namespace ZaloBot.Dialogs.Ports;

public enum TicketStatus
{
    Received = 0,
    InProgress = 1,
    Answered = 2,
    Closed = 3,
    Reopened = 4,
}
