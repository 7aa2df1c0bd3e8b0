namespace ZaloBot.Web.Calendar;

public enum CalendarDayKind
{
    Holiday = 0,
    WorkingDay = 1,
}
