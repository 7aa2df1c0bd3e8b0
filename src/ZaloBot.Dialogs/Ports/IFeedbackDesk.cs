namespace ZaloBot.Dialogs.Ports;

/// <summary>
/// Tickets ("phản ánh") of the HĐND-UBND office. Every write takes an idempotency key (derived from
/// the inbound message id): a second call with the same key must not write again and must return
/// the first result, because the engine re-runs a turn after a state-save conflict and Zalo
/// redelivers webhooks.
/// </summary>
public interface IFeedbackDesk
{
    /// <summary>Active categories, in display order.</summary>
    Task<IReadOnlyList<FeedbackCategory>> GetCategoriesAsync(CancellationToken cancellationToken);

    /// <summary>The district's wards, in display order.</summary>
    Task<IReadOnlyList<Ward>> GetWardsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the ticket once per <paramref name="idempotencyKey"/>; a repeat returns the same code and due date.</summary>
    Task<CreatedTicket> CreateTicketAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The user's tickets, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<TicketView>> ListTicketsAsync(string zaloUserId, int max, CancellationToken cancellationToken);

    /// <summary>The ticket with <paramref name="code"/> only if it belongs to <paramref name="zaloUserId"/>; otherwise null (never reveal others' tickets).</summary>
    Task<TicketView?> FindTicketAsync(string zaloUserId, string code, CancellationToken cancellationToken);

    /// <summary>Records a 1–5 satisfaction rating; false when the ticket is not this user's.</summary>
    Task<bool> RateTicketAsync(string zaloUserId, string code, int stars, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Reopens an answered ticket ("chưa được giải quyết"); false when the ticket is not this user's.</summary>
    Task<bool> ReopenTicketAsync(string zaloUserId, string code, string idempotencyKey, CancellationToken cancellationToken);
}
