using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Calendar;

/// <summary>The one loader of the working-day calendar: the holidays and compensatory days of a date range.</summary>
public static class CalendarStore
{
    /// <summary>
    /// The calendar for <paramref name="from"/> to <paramref name="until"/> (inclusive). Only the rows of that range
    /// are read (a handful per month); dates outside it count as plain weekdays/weekends, so ask for the range the
    /// caller walks through.
    /// </summary>
    public static async Task<WorkingDayCalendar> LoadAsync(ZaloBotDbContext db, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= until).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(days);
    }
}
