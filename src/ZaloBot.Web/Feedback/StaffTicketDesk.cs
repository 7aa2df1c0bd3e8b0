using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// The console's ticket actions. Every change writes a <see cref="TicketEvent"/> (the audit trail) and, when the
/// citizen must hear about it, an outbox row (<see cref="TicketNotifications"/>) in the same SaveChanges/transaction.
/// Actions that change the ticket carry its xmin as loaded on the page: if someone changed it since, the action is
/// refused with a conflict. Only staff who may edit and see the ticket (unit scoping) act; others get "not found".
/// </summary>
public sealed class StaffTicketDesk(ZaloBotDbContext db, TicketNotifications notifications, TimeProvider time)
{
    /// <summary>Moves the ticket along the workflow (<see cref="TicketWorkflow"/>) and tells the citizen.</summary>
    public async Task<TicketActionResult> ChangeStatusAsync(StaffActor actor, long ticketId, uint version, TicketStatus to, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, failure) = await LoadAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        if (!TicketWorkflow.CanMove(ticket.Status, to))
        {
            return TicketActionResult.Invalid(TicketResultCode.MoveNotAllowed, ticket.Status, to);
        }

        reason = reason?.Trim();
        if (TicketWorkflow.NeedsReason(to) && string.IsNullOrEmpty(reason))
        {
            return TicketActionResult.Invalid(TicketResultCode.ReasonRequired);
        }

        var now = time.GetUtcNow();
        var from = ticket.Status;
        var zaloUserId = await ZaloUserIdAsync(ticket, cancellationToken);
        TicketChanges.ApplyStatus(db, ticket, to, reason, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.StatusChanged, ActorUserId = actor.UserId, ActorName = actor.Name, At = now,
            FromStatus = from, ToStatus = to, Text = string.IsNullOrEmpty(reason) ? null : reason,
        });
        notifications.StatusChanged(ticket, zaloUserId, to, reason, version, now);
        return await TicketChanges.SaveAsync(db, TicketActionResult.Done(TicketResultCode.StatusChanged, to: to), cancellationToken);
    }

    /// <summary>Forwards the ticket to a department or ward (or back to the office) with a note for them.</summary>
    public async Task<TicketActionResult> AssignAsync(StaffActor actor, long ticketId, uint version, int unitId, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, failure) = await LoadAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.IsActive, cancellationToken);
        if (unit is null)
        {
            return TicketActionResult.Invalid(TicketResultCode.UnitInvalid);
        }

        if (!TicketWorkflow.IsOpen(ticket.Status))
        {
            return TicketActionResult.Invalid(TicketResultCode.AssignOnlyOpen);
        }

        var now = time.GetUtcNow();
        ticket.UnitId = unit.Id;
        TicketChanges.Touch(db, ticket, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.Assigned, ActorUserId = actor.UserId, ActorName = actor.Name, At = now,
            UnitId = unit.Id, Text = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        return await TicketChanges.SaveAsync(db, TicketActionResult.Done(TicketResultCode.Assigned, unitName: unit.Name), cancellationToken);
    }

    /// <summary>An internal note: staff only, never sent to the citizen. Does not change the ticket, so it never conflicts.</summary>
    public async Task<TicketActionResult> AddNoteAsync(StaffActor actor, long ticketId, string text, CancellationToken cancellationToken) =>
        await AddEventAsync(actor, ticketId, TicketEventKind.Note, text, TicketResultCode.NoteEmpty, TicketResultCode.NoteAdded, cancellationToken);

    /// <summary>Records a phone call with the citizen (used when Zalo's window has closed).</summary>
    public async Task<TicketActionResult> RecordPhoneCallAsync(StaffActor actor, long ticketId, string summary, CancellationToken cancellationToken) =>
        await AddEventAsync(actor, ticketId, TicketEventKind.PhoneCall, summary, TicketResultCode.CallSummaryEmpty, TicketResultCode.CallRecorded, cancellationToken);

    /// <summary>
    /// A reply to the citizen: stored as a Reply event and queued in the outbox in one transaction (idempotency key
    /// "reply:{replyKey}", the form's one-time key, so a double submit sends once). With <paramref name="markAnswered"/>
    /// the ticket also becomes "answered" and the citizen is asked for a rating.
    /// </summary>
    public async Task<TicketActionResult> ReplyAsync(StaffActor actor, long ticketId, uint version, string text, Guid replyKey, bool markAnswered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TicketActionResult.Invalid(TicketResultCode.ReplyEmpty);
        }

        var (ticket, failure) = await LoadAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        var now = time.GetUtcNow();
        var citizen = await db.Citizens.AsNoTracking().SingleAsync(c => c.Id == ticket.CitizenId, cancellationToken);
        if (!new ReplyWindow(citizen.LastInteractionAt, now).IsOpen)
        {
            return TicketActionResult.WindowClosed;
        }

        if (markAnswered && !TicketWorkflow.CanMove(ticket.Status, TicketStatus.Answered))
        {
            return TicketActionResult.Invalid(TicketResultCode.CannotMarkAnswered, ticket.Status);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outbound = notifications.Reply(ticket, citizen.ZaloUserId, text.Trim(), replyKey, now);
            TicketChanges.Touch(db, ticket, now);
            var from = ticket.Status;
            if (markAnswered)
            {
                TicketChanges.ApplyStatus(db, ticket, TicketStatus.Answered, null, now);
                notifications.StatusChanged(ticket, citizen.ZaloUserId, TicketStatus.Answered, null, version, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id, Kind = TicketEventKind.Reply, ActorUserId = actor.UserId, ActorName = actor.Name, At = now,
                Text = text.Trim(), OutboundMessageId = outbound.Id,
                FromStatus = markAnswered ? from : null, ToStatus = markAnswered ? TicketStatus.Answered : null,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TicketActionResult.Done(markAnswered ? TicketResultCode.ReplySentAndAnswered : TicketResultCode.ReplySent);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return TicketActionResult.Conflict;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: TicketChanges.UniqueViolation })
        {
            // The same form was submitted twice: the first submit already queued this reply.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return TicketActionResult.Done(TicketResultCode.ReplyAlreadySent);
        }
    }

    /// <summary>Staff reopen an answered, closed, rejected or transferred ticket (back to "in progress").</summary>
    public async Task<TicketActionResult> ReopenAsync(StaffActor actor, long ticketId, uint version, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, failure) = await LoadAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        if (!TicketWorkflow.CanReopen(ticket.Status))
        {
            return TicketActionResult.Invalid(TicketResultCode.AlreadyOpen);
        }

        var now = time.GetUtcNow();
        var zaloUserId = await ZaloUserIdAsync(ticket, cancellationToken);
        TicketChanges.Reopen(db, ticket, actor.Name, actor.UserId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
        notifications.Reopened(ticket, zaloUserId, version, now);
        return await TicketChanges.SaveAsync(db, TicketActionResult.Done(TicketResultCode.Reopened), cancellationToken);
    }

    /// <summary>A note or phone call: an event only, the ticket row is not changed, so it needs no version.</summary>
    private async Task<TicketActionResult> AddEventAsync(
        StaffActor actor, long ticketId, TicketEventKind kind, string text, TicketResultCode empty, TicketResultCode done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TicketActionResult.Invalid(empty);
        }

        if (!actor.CanEditTickets || !await actor.Visible(db.Tickets).AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return TicketActionResult.NotFound;
        }

        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId, Kind = kind, ActorUserId = actor.UserId, ActorName = actor.Name, At = time.GetUtcNow(), Text = text.Trim(),
        });
        return await TicketChanges.SaveAsync(db, TicketActionResult.Done(done), cancellationToken);
    }

    private async Task<(FeedbackTicket? Ticket, TicketActionResult? Failure)> LoadAsync(StaffActor actor, long ticketId, uint version, CancellationToken cancellationToken)
    {
        var ticket = actor.CanEditTickets
            ? await actor.Visible(db.Tickets).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            : null;
        if (ticket is null)
        {
            return (null, TicketActionResult.NotFound);
        }

        return ticket.Version != version ? (null, TicketActionResult.Conflict) : (ticket, null);
    }

    private Task<string> ZaloUserIdAsync(FeedbackTicket ticket, CancellationToken cancellationToken) =>
        db.Citizens.Where(c => c.Id == ticket.CitizenId).Select(c => c.ZaloUserId).SingleAsync(cancellationToken);
}
