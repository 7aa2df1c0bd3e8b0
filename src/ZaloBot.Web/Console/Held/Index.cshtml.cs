using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Held;

/// <summary>
/// Every message held as "unknown — check" that this person may see (<see cref="HeldMessages.VisibleTo"/>): live-chat
/// lines, staff and CCHC notices and dialogue answers for the office, their tickets' replies and notices for a unit,
/// each with a one-click resend (audited, once; <see cref="HeldMessageResender"/>). Ticket rows are also on their
/// ticket page; this is the one place for the kinds that have no ticket.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, HeldMessageResender resender, ConsoleTexts texts) : PageModel
{
    /// <summary>The oldest 200 first: a longer list means something is wrong with Zalo, and the oldest waited longest.</summary>
    private const int PageSize = 200;

    public IReadOnlyList<HeldRow> Rows { get; private set; } = [];

    public bool CanResend { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        CanResend = actor.CanEditTickets;
        var rows = await HeldMessages.VisibleTo(actor, db).AsNoTracking()
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(PageSize)
            .Select(m => new
            {
                m.Id, m.ZaloUserId, m.IdempotencyKey, m.TicketId, m.Payload, m.ErrorReason, m.CreatedAt,
                Code = db.Tickets.Where(t => t.Id == m.TicketId).Select(t => t.Code).FirstOrDefault(),
                Name = db.Citizens.Where(c => c.ZaloUserId == m.ZaloUserId).Select(c => c.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Rows = rows.Select(r => new HeldRow(r.Id, HeldMessages.KindOf(r.IdempotencyKey, r.TicketId), r.TicketId, r.Code,
            HeldMessages.HandoffOf(r.IdempotencyKey), r.Name, OutboxPayload.FromJson(r.Payload).Text, r.ErrorReason, r.CreatedAt)).ToList();
    }

    public async Task<IActionResult> OnPostResendAsync(long messageId, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        if (!actor.CanEditTickets)
        {
            return Forbid();
        }

        if (await resender.ResendAsync(actor, messageId, cancellationToken))
        {
            TempData["Flash"] = texts.HeldResent;
            return RedirectToPage();
        }

        // Not held any more (resent by a colleague, or the page posted twice): nothing happens. Not theirs: 404.
        return await HeldMessages.InScopeOf(actor, db).AnyAsync(m => m.Id == messageId, cancellationToken) ? RedirectToPage() : NotFound();
    }

    public sealed record HeldRow(long Id, HeldKind Kind, long? TicketId, string? TicketCode, long? HandoffId, string? CitizenName, string Text, string? Reason, DateTimeOffset CreatedAt);
}
