using System.Globalization;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// Which held rows (<see cref="OutboundState.Unknown"/>) a staff member may see and resend: the office (and admins)
/// all of them, whatever their kind; a department or ward only the rows of tickets it can see (a live chat, a staff
/// notice or a CCHC post belongs to no unit, so it stays with the office).
/// </summary>
public static class HeldMessages
{
    public const string HandoffKeyPrefix = "handoff:";

    /// <summary>The held rows this person may see and resend.</summary>
    public static IQueryable<OutboundMessage> VisibleTo(StaffActor actor, ZaloBotDbContext db) =>
        InScopeOf(actor, db).Where(m => m.State == OutboundState.Unknown);

    /// <summary>The outbox rows, in any state, that belong to this person's scope (the office: all).</summary>
    public static IQueryable<OutboundMessage> InScopeOf(StaffActor actor, ZaloBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(db);
        if (actor.SeesAllTickets)
        {
            return db.OutboundMessages;
        }

        var tickets = actor.Visible(db.Tickets).Select(t => t.Id);
        return db.OutboundMessages.Where(m => m.TicketId != null && tickets.Contains(m.TicketId.Value));
    }

    public static HeldKind KindOf(string idempotencyKey, long? ticketId)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return (idempotencyKey, ticketId) switch
        {
            var (k, t) when t is not null && k.StartsWith("reply:", StringComparison.Ordinal) => HeldKind.TicketReply,
            (_, not null) => HeldKind.TicketNotice,
            var (k, _) when k.StartsWith(HandoffKeyPrefix, StringComparison.Ordinal) => HeldKind.HandoffReply,
            var (k, _) when k.StartsWith("staff-zalo:", StringComparison.Ordinal) => HeldKind.StaffNotice,
            var (k, _) when k.StartsWith("cchc:", StringComparison.Ordinal) => HeldKind.CchcPost,
            var (k, _) when k.StartsWith("dialogue-answer:", StringComparison.Ordinal) => HeldKind.DialogueAnswer,
            _ => HeldKind.Other,
        };
    }

    /// <summary>The live chat of a <see cref="HeldKind.HandoffReply"/> key (<c>handoff:{id}:{key}</c>), else null.</summary>
    public static long? HandoffOf(string idempotencyKey) =>
        idempotencyKey.StartsWith(HandoffKeyPrefix, StringComparison.Ordinal)
        && idempotencyKey.Split(':') is [_, var id, ..]
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var handoff) ? handoff : null;
}
