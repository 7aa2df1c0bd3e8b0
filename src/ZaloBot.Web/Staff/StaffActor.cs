using System.Globalization;
using System.Security.Claims;
using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Staff;

/// <summary>The signed-in staff member as the ticket rules see them: who (for the audit trail) and which tickets they may see.</summary>
public sealed record StaffActor(string UserId, string Name, bool SeesAllTickets, int? UnitId, bool CanEditTickets)
{
    public const string UnitClaim = "zalobot:unit";

    public const string NameClaim = "zalobot:name";

    public static StaffActor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = user.FindFirstValue(NameClaim) ?? user.Identity?.Name ?? id;
        int? unit = int.TryParse(user.FindFirstValue(UnitClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : null;
        var all = user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Office);
        var edits = all || user.IsInRole(StaffRoles.Unit);
        return new StaffActor(id, name, all, unit, edits);
    }

    /// <summary>
    /// The tickets this actor may see: everything for the office and admins, only those assigned to their unit for a
    /// department or ward, nothing otherwise. Every ticket query in the console goes through here.
    /// </summary>
    public IQueryable<FeedbackTicket> Visible(IQueryable<FeedbackTicket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        if (SeesAllTickets)
        {
            return tickets;
        }

        if (CanEditTickets && UnitId is { } unitId)
        {
            return tickets.Where(t => t.UnitId == unitId);
        }

        return tickets.Where(t => false);
    }
}
