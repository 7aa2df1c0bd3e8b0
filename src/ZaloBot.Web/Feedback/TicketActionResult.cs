namespace ZaloBot.Web.Feedback;

/// <summary>
/// The result of a staff or citizen action on a ticket: the <see cref="Outcome"/> drives the caller (redirect, 404,
/// 409, 422), the <see cref="Code"/> and its values (statuses, unit name) are shown to the user through
/// <see cref="TicketTexts.Message"/>. The desks never hold Vietnamese text.
/// </summary>
public sealed record TicketActionResult(TicketActionOutcome Outcome, TicketResultCode Code, TicketStatus? From = null, TicketStatus? To = null, string? UnitName = null)
{
    public bool Succeeded => Outcome == TicketActionOutcome.Done;

    public static readonly TicketActionResult NotFound = new(TicketActionOutcome.NotFound, TicketResultCode.NotFound);

    public static readonly TicketActionResult Conflict = new(TicketActionOutcome.Conflict, TicketResultCode.Conflict);

    public static readonly TicketActionResult WindowClosed = new(TicketActionOutcome.WindowClosed, TicketResultCode.WindowClosed);

    public static TicketActionResult Done(TicketResultCode code, TicketStatus? to = null, string? unitName = null) =>
        new(TicketActionOutcome.Done, code, To: to, UnitName: unitName);

    public static TicketActionResult Invalid(TicketResultCode code, TicketStatus? from = null, TicketStatus? to = null) =>
        new(TicketActionOutcome.Invalid, code, from, to);
}
