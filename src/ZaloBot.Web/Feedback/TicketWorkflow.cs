namespace ZaloBot.Web.Feedback;

/// <summary>
/// The ticket workflow: received → accepted → in progress → answered → closed; rejected (with a reason) or
/// transferred to another agency from any open state; reopen brings an answered, closed, rejected or transferred
/// ticket back to "in progress". Every transition not listed here is refused.
/// </summary>
public static class TicketWorkflow
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.Received] = [TicketStatus.Accepted, TicketStatus.Rejected, TicketStatus.Transferred],
        [TicketStatus.Accepted] = [TicketStatus.InProgress, TicketStatus.Answered, TicketStatus.Rejected, TicketStatus.Transferred],
        [TicketStatus.InProgress] = [TicketStatus.Answered, TicketStatus.Rejected, TicketStatus.Transferred],
        [TicketStatus.Answered] = [TicketStatus.Closed],
        [TicketStatus.Closed] = [],
        [TicketStatus.Rejected] = [],
        [TicketStatus.Transferred] = [],
    };

    /// <summary>Statuses in which the office or a unit still owes the citizen an answer (counted for "overdue").</summary>
    public static readonly IReadOnlyList<TicketStatus> Open = [TicketStatus.Received, TicketStatus.Accepted, TicketStatus.InProgress];

    public static bool IsOpen(TicketStatus status) => status is TicketStatus.Received or TicketStatus.Accepted or TicketStatus.InProgress;

    public static bool CanMove(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<TicketStatus> NextStatuses(TicketStatus from) => Allowed[from];

    public static bool CanReopen(TicketStatus status) =>
        status is TicketStatus.Answered or TicketStatus.Closed or TicketStatus.Rejected or TicketStatus.Transferred;

    /// <summary>A stated reason is mandatory for these (the citizen is told why).</summary>
    public static bool NeedsReason(TicketStatus to) => to is TicketStatus.Rejected or TicketStatus.Transferred;
}
