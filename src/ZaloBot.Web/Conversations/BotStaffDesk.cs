using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Engine;
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
        var local = VietnamTime.Local(at);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var today = DateOnly.FromDateTime(local.DateTime);
        // Three weeks ahead covers the longest run of days off (Tết: up to nine days).
        var calendar = await CalendarStore.LoadAsync(db, today, today.AddDays(21), cancellationToken);

        var time = TimeOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(today) && time >= hours.Opens && time < hours.Closes)
        {
            return new OfficeHours(true, null);
        }

        var day = time < hours.Opens ? today : today.AddDays(1);
        for (var i = 0; i < 21 && !calendar.IsWorkingDay(day); i++)
        {
            day = day.AddDays(1);
        }

        return new OfficeHours(false, VietnamTime.At(day, hours.Opens));
    }
}
