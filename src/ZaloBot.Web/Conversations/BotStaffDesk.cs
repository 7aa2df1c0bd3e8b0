using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>The office's live queue for the bot: handoff requests in PostgreSQL, office hours from options and the calendar.</summary>
public sealed class BotStaffDesk(IServiceScopeFactory scopes, IOptions<OfficeHoursOptions> options, TimeProvider time) : IStaffDesk
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

    /// <summary>One open request per citizen: a repeat (or a re-run turn) finds it and adds nothing.</summary>
    public async Task RequestHandoffAsync(Dialogs.Ports.HandoffRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var open = await db.HandoffRequests.AnyAsync(
            h => h.ZaloUserId == request.ZaloUserId && h.State != HandoffState.Closed, cancellationToken);
        if (open)
        {
            return;
        }

        db.HandoffRequests.Add(new HandoffRequest
        {
            ZaloUserId = request.ZaloUserId,
            RequestedAt = request.RequestedAt,
            State = HandoffState.Waiting,
            Note = request.Message is null ? null : Dialogs.Engine.OutgoingMessage.Clip(request.Message),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EndHandoffAsync(string zaloUserId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var now = time.GetUtcNow();
        await db.HandoffRequests
            .Where(h => h.ZaloUserId == zaloUserId && h.State != HandoffState.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, HandoffState.Closed).SetProperty(h => h.ClosedAt, now), cancellationToken);
    }
}
