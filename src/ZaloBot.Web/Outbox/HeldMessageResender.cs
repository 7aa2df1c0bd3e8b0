using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// The one-click resend of a message held as "unknown — check" (<see cref="OutboundState.Unknown"/>): after a person
/// checked that the citizen did not get it, the row goes back to Queued as if new, and who did it is audited in the
/// same transaction. Only rows of the given ticket and only held rows: a page posted twice resends once.
/// </summary>
public sealed class HeldMessageResender(ZaloBotDbContext db, OutboxWorkSignal signal, TimeProvider time)
{
    /// <summary>False when the row is not a held message of that ticket (already resent, or another ticket's).</summary>
    public async Task<bool> ResendAsync(StaffActor actor, long ticketId, long messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resent = await db.OutboundMessages
            .Where(m => m.Id == messageId && m.TicketId == ticketId && m.State == OutboundState.Unknown)
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
            Target = $"outbound:{messageId}", Detail = $"ticket:{ticketId}; held as unknown outcome, resent after a check",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Pulse();
        return true;
    }
}
