namespace ZaloBot.Dialogs.Ports;

/// <summary>
/// Tickets ("phản ánh") of the HĐND-UBND office, read-only: a turn looks things up here and asks for changes with
/// effects (<c>Effects.CreateTicket</c>, <c>RateTicket</c>, <c>ReopenTicket</c>), which the committer applies once.
/// </summary>
public interface IFeedbackDesk
{
    /// <summary>Active categories, in display order.</summary>
    Task<IReadOnlyList<FeedbackCategoryView>> GetCategoriesAsync(CancellationToken cancellationToken);

    /// <summary>The district's wards, in display order.</summary>
    Task<IReadOnlyList<Ward>> GetWardsAsync(CancellationToken cancellationToken);

    /// <summary>The district's streets and their wards: a street named in a description infers the ward.</summary>
    Task<IReadOnlyList<Street>> GetStreetsAsync(CancellationToken cancellationToken);

    /// <summary>The user's tickets, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<TicketView>> ListTicketsAsync(string zaloUserId, int max, CancellationToken cancellationToken);

    /// <summary>The ticket with <paramref name="code"/> only if it belongs to <paramref name="zaloUserId"/>; otherwise null (never reveal others' tickets).</summary>
    Task<TicketView?> FindTicketAsync(string zaloUserId, string code, CancellationToken cancellationToken);

    /// <summary>The user's ticket created under <paramref name="key"/> (<see cref="Effects.CreateTicket.Key"/>), or null.</summary>
    Task<TicketView?> FindTicketByKeyAsync(string zaloUserId, string key, CancellationToken cancellationToken);
}
