using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>The office's hours for the bot: from options and the calendar (handoff requests are effects).</summary>
public sealed class BotStaffDesk(IServiceScopeFactory scopes, IOptions<OfficeHoursOptions> options) : IStaffDesk
{
    public async Task<OfficeHours> GetOfficeHoursAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var hours = options.Value;
        var local = at.ToOffset(hours.UtcOffset);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var today = DateOnly.FromDateTime(local.DateTime);
        var exceptions = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= today && d.Date <= today.AddDays(21))
            .ToDictionaryAsync(d => d.Date, d => d.Kind, cancellationToken);

        bool IsWorkingDay(DateOnly day) => exceptions.TryGetValue(day, out var kind)
            ? kind == CalendarDayKind.WorkingDay
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(today) && time >= hours.Opens && time < hours.Closes)
        {
            return new OfficeHours(true, null);
        }

        var day = time < hours.Opens ? today : today.AddDays(1);
        for (var i = 0; i < 21 && !IsWorkingDay(day); i++)
        {
            day = day.AddDays(1);
        }

        return new OfficeHours(false, new DateTimeOffset(day.ToDateTime(hours.Opens), hours.UtcOffset));
    }
}
