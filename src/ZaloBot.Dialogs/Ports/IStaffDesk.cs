namespace ZaloBot.Dialogs.Ports;

/// <summary>The office's hours (read-only; requests to talk to staff are <c>Effects.RequestHandoff</c>).</summary>
public interface IStaffDesk
{
    Task<OfficeHours> GetOfficeHoursAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
