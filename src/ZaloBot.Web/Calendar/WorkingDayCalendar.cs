using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Calendar;

/// <summary>
/// Working days of the People's Committee: Monday to Friday, minus public holidays (Tết moves every year),
/// plus compensatory working Saturdays. Pure: built from the <see cref="CalendarDay"/> rows, no I/O.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingDayCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);
    }

    /// <summary>The local (Vietnam) calendar date of an instant: deadlines are counted in local dates.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => VietnamTime.Date(instant);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.WorkingDay;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The due date for feedback received on <paramref name="received"/>: the <paramref name="workingDays"/>-th
    /// working day after the day of receipt (the day of receipt itself never counts, whether or not it is a working day).
    /// Zero working days means the day of receipt.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly received, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = received;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days from <paramref name="from"/> (exclusive) to <paramref name="to"/> (inclusive); negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
