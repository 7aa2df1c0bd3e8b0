namespace ZaloBot.Dialogs.Ports;

/// <summary>The office's live queue and its hours. Writes are idempotent by key (see <see cref="IFeedbackDesk"/>).</summary>
public interface IStaffDesk
{
    Task<OfficeHours> GetOfficeHoursAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts a live request (or, outside hours, a message) in the office queue.</summary>
    Task RequestHandoffAsync(HandoffRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The citizen ended the conversation with staff (or withdrew a waiting request).</summary>
    Task EndHandoffAsync(string zaloUserId, string idempotencyKey, CancellationToken cancellationToken);
}
