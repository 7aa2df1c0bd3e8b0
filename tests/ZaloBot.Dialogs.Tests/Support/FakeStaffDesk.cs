using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Tests.Support;

internal sealed class FakeStaffDesk : IStaffDesk
{
    public bool IsOpen { get; set; } = true;

    public DateTimeOffset? NextOpening { get; set; }

    public List<HandoffRequest> Requests { get; } = [];

    public List<string> Ended { get; } = [];

    public Task<OfficeHours> GetOfficeHoursAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(new OfficeHours(IsOpen, IsOpen ? null : NextOpening));
}
