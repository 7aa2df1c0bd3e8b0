using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Tests.Support;

internal sealed class FakeStaffDesk : IStaffDesk
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public bool IsOpen { get; set; } = true;

    public DateTimeOffset? NextOpening { get; set; }

    public List<HandoffRequest> Requests { get; } = [];

    public List<string> Ended { get; } = [];

    public Task<OfficeHours> GetOfficeHoursAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(new OfficeHours(IsOpen, IsOpen ? null : NextOpening));

    public Task RequestHandoffAsync(HandoffRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_keys.Add(idempotencyKey))
        {
            Requests.Add(request);
        }

        return Task.CompletedTask;
    }

    public Task EndHandoffAsync(string zaloUserId, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_keys.Add(idempotencyKey))
        {
            Ended.Add(zaloUserId);
        }

        return Task.CompletedTask;
    }
}
