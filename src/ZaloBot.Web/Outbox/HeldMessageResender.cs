using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// The one-click resend of a message held as "unknown — check" (<see cref="OutboundState.Unknown"/>): after a person
/// checked that the citizen did not get it, the row goes back to Queued as if new, and who did it is audited in the
/// same transaction. Only held rows the person may see (<see cref="HeldMessages.VisibleTo"/>), and, from a ticket page,
/// only rows of that ticket: a page posted twice resends once.
/// </summary>
public sealed class HeldMessageResender(ZaloBotDbContext db, OutboxWorkSignal signal, TimeProvider time)
{
    /// <summary>From a ticket page. False when the row is not a held message of that ticket (already resent, or another ticket's).</summary>
    public Task<bool> ResendAsync(StaffActor actor, long ticketId, long messageId, CancellationToken cancellationToken) =>
        ResendAsync(actor, HeldMessages.VisibleTo(actor, db).Where(m => m.TicketId == ticketId), messageId, $"ticket:{ticketId}", cancellationToken);

    /// <summary>From the held-messages screen. False when the row is not held (already resent) or not the actor's to see.</summary>
    public Task<bool> ResendAsync(StaffActor actor, long messageId, CancellationToken cancellationToken) =>
        ResendAsync(actor, HeldMessages.VisibleTo(actor, db), messageId, null, cancellationToken);

    private async Task<bool> ResendAsync(StaffActor actor, IQueryable<OutboundMessage> visible, long messageId, string? context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = await visible.Where(m => m.Id == messageId).Select(m => m.IdempotencyKey).SingleOrDefaultAsync(cancellationToken);
        var resent = key is null ? 0 : await db.OutboundMessages
            .Where(m => m.Id == messageId && m.State == OutboundState.Unknown)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundState.Queued)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.AttemptedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ErrorCode, (int?)null)
                .SetProperty(m => m.ErrorReason, (string?)null), cancellationToken);
        if (resent == 0)
        {
            return false;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorUserId = actor.UserId, ActorName = actor.Name, Action = "outbox.resend",
            Target = $"outbound:{messageId}",
            Detail = $"{context ?? HeldMessages.KindOf(key!, null).ToString()}; held as unknown outcome, resent after a check",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Pulse();
        return true;
    }
}
