using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// What a citizen may see and do with their own tickets from the chat: list, look up by code, rate, say "not solved".
/// Another user's code behaves as an unknown code. The turn committer applies rate and reopen inside the turn's transaction.
/// </summary>
public sealed class CitizenTicketDesk(ZaloBotDbContext db, TicketTexts texts, TimeProvider time)
{
    /// <summary>The citizen's tickets, newest first (for "tra cứu phản ánh" in the chat).</summary>
    public async Task<IReadOnlyList<CitizenTicket>> ListForCitizenAsync(string zaloUserId, int take, CancellationToken cancellationToken) =>
        await Project(db.Tickets.AsNoTracking().Where(t => t.Citizen!.ZaloUserId == zaloUserId)
            .OrderByDescending(t => t.CreatedAt).Take(take)).ToListAsync(cancellationToken);

    /// <summary>One ticket by code, only if it belongs to this Zalo user (another user's code gives null, as an unknown code does).</summary>
    public async Task<CitizenTicket?> FindForCitizenAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var normalised = Normalise(code);
        return await Project(db.Tickets.AsNoTracking().Where(t => t.Citizen!.ZaloUserId == zaloUserId && t.Code == normalised))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The citizen tapped a rating button ("#rate CODE n"). Only answered or closed tickets of this user; the last rating counts.</summary>
    public async Task<TicketActionResult> RateByCitizenAsync(string zaloUserId, string code, int stars, CancellationToken cancellationToken)
    {
        if (stars is < 1 or > 5)
        {
            return TicketActionResult.Invalid(TicketResultCode.StarsOutOfRange);
        }

        var ticket = await ForUpdateAsync(zaloUserId, code, cancellationToken);
        if (ticket is null)
        {
            return TicketActionResult.NotFound;
        }

        if (ticket.Status is not (TicketStatus.Answered or TicketStatus.Closed))
        {
            return TicketActionResult.Invalid(TicketResultCode.NotAnsweredYet);
        }

        var now = time.GetUtcNow();
        ticket.Rating = stars;
        TicketChanges.Touch(db, ticket, now);
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.Rated, ActorName = texts.CitizenActor, At = now, Text = $"{stars}/5" });
        return await TicketChanges.SaveAsync(db, TicketActionResult.Done(TicketResultCode.Rated), cancellationToken);
    }

    /// <summary>The citizen tapped "Chưa được giải quyết" ("#reopen CODE"): the ticket goes back to "in progress" for the unit.</summary>
    public async Task<TicketActionResult> ReopenByCitizenAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var ticket = await ForUpdateAsync(zaloUserId, code, cancellationToken);
        if (ticket is null)
        {
            return TicketActionResult.NotFound;
        }

        if (ticket.Status is not (TicketStatus.Answered or TicketStatus.Closed))
        {
            return TicketActionResult.Invalid(TicketResultCode.StillInProgress);
        }

        TicketChanges.Reopen(db, ticket, texts.CitizenActor, null, texts.CitizenReopenReason, time.GetUtcNow());
        return await TicketChanges.SaveAsync(db, TicketActionResult.Done(TicketResultCode.ReopenedByCitizen), cancellationToken);
    }

    private static string Normalise(string code) => code.Trim().ToUpperInvariant();

    private Task<FeedbackTicket?> ForUpdateAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var normalised = Normalise(code);
        return db.Tickets.Where(t => t.Code == normalised && t.Citizen!.ZaloUserId == zaloUserId).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<CitizenTicket> Project(IQueryable<FeedbackTicket> tickets) =>
        tickets.Select(t => new CitizenTicket(
            t.Code, t.Status, t.Category!.Name, t.Text, t.CreatedAt, t.DueDate, t.AnsweredAt,
            t.Events.Where(e => e.Kind == TicketEventKind.Reply).OrderByDescending(e => e.At).Select(e => e.Text).FirstOrDefault(),
            t.Rating));
}
