using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Feedback;

/// <summary>The ticket mutations that citizen and staff actions share, on the caller's DbContext.</summary>
internal static class TicketChanges
{
    /// <summary>Postgres unique_violation.</summary>
    public const string UniqueViolation = "23505";

    /// <summary>
    /// Marks the ticket as updated even when no column value changed (two actions in the same clock tick), so that
    /// SaveChanges always issues the UPDATE … WHERE xmin = @loaded that detects a concurrent change.
    /// </summary>
    public static void Touch(ZaloBotDbContext db, FeedbackTicket ticket, DateTimeOffset now)
    {
        ticket.UpdatedAt = now;
        db.Entry(ticket).Property(t => t.UpdatedAt).IsModified = true;
    }

    public static void ApplyStatus(ZaloBotDbContext db, FeedbackTicket ticket, TicketStatus to, string? reason, DateTimeOffset now)
    {
        ticket.Status = to;
        Touch(db, ticket, now);
        switch (to)
        {
            case TicketStatus.Answered:
                ticket.AnsweredAt = now;
                break;
            case TicketStatus.Closed:
                ticket.ClosedAt = now;
                break;
            case TicketStatus.Rejected:
            case TicketStatus.Transferred:
                ticket.RejectionReason = reason;
                ticket.ClosedAt = now;
                break;
        }
    }

    public static void Reopen(ZaloBotDbContext db, FeedbackTicket ticket, string actorName, string? actorUserId, string? reason, DateTimeOffset now)
    {
        var from = ticket.Status;
        ticket.Status = TicketStatus.InProgress;
        ticket.ClosedAt = null;
        ticket.AnsweredAt = null;
        ticket.RejectionReason = null;
        Touch(db, ticket, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.Reopened, ActorUserId = actorUserId, ActorName = actorName, At = now,
            FromStatus = from, ToStatus = TicketStatus.InProgress, Text = reason,
        });
    }

    /// <summary>Saves the action; a concurrent change of the ticket (xmin) turns <paramref name="done"/> into a conflict.</summary>
    public static async Task<TicketActionResult> SaveAsync(ZaloBotDbContext db, TicketActionResult done, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TicketActionResult.Conflict;
        }
    }
}
