namespace ZaloBot.Web.Feedback;

public enum TicketEventKind
{
    Created = 0,
    StatusChanged = 1,
    Assigned = 2,
    Note = 3,
    Reply = 4,
    CitizenMessage = 5,
    Rated = 6,
    Reopened = 7,
    PhoneCall = 8,
}
