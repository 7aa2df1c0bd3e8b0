using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Privacy;

/// <summary>
/// Handles a citizen's deletion request, in one transaction: what exists only for the conversation is erased
/// (transcript, raw inbound events, photos not on a ticket, FAQ votes, conversation state), what the office must keep
/// is anonymised (tickets lose the contact name and phone; the report's text, place and photos stay as the office's
/// record; unanswered questions lose the link to the person), consents are withdrawn, and the citizen row keeps only
/// the OA-scoped Zalo id (tickets refer to it). The texts sent to the citizen (outbox payloads) are blanked too, and
/// what was still waiting to be sent is cancelled; only a row in flight at that moment is left as it is. What was done
/// is recorded on the request's audit entry.
/// </summary>
public sealed class CitizenEraser(ZaloBotDbContext db, TimeProvider time)
{
    /// <summary>Null when there is no unhandled request with that id.</summary>
    public async Task<ErasureSummary?> EraseAsync(long requestId, StaffActor actor, CancellationToken cancellationToken)
    {
        var request = await db.DeletionRequests.Include(r => r.Citizen)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.HandledAt == null, cancellationToken);
        if (request?.Citizen is not { } citizen)
        {
            return null;
        }

        var user = citizen.ZaloUserId;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var summary = new ErasureSummary(
            TranscriptLines: await db.Transcript.Where(t => t.ZaloUserId == user).ExecuteDeleteAsync(cancellationToken),
            InboundEvents: await db.InboxEvents.Where(e => e.ZaloUserId == user).ExecuteDeleteAsync(cancellationToken),
            LooseFiles: await db.Attachments.Where(a => a.ZaloUserId == user && a.TicketId == null).ExecuteDeleteAsync(cancellationToken),
            FaqVotes: await db.FaqVotes.Where(v => v.ZaloUserId == user).ExecuteDeleteAsync(cancellationToken),
            UnansweredQuestions: await db.UnansweredQuestions.Where(q => q.ZaloUserId == user)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.ZaloUserId, (string?)null), cancellationToken),
            TicketsAnonymised: await db.Tickets.Where(t => t.CitizenId == citizen.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ContactName, (string?)null).SetProperty(t => t.ContactPhone, (string?)null), cancellationToken),
            ConsentsWithdrawn: await db.ConsentRecords.Where(c => c.CitizenId == citizen.Id && c.WithdrawnAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnAt, now), cancellationToken),
            OutboxMessages: await EraseOutboxAsync(user, cancellationToken));
        // The conversation state lives in PostgreSQL (conversation_states): erased in the same transaction.
        await db.ConversationStates.Where(c => c.ZaloUserId == user).ExecuteDeleteAsync(cancellationToken);
        citizen.DisplayName = null;
        citizen.Phone = null;
        citizen.Address = null;
        request.HandledAt = now;
        request.HandledByUserId = actor.UserId;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorUserId = actor.UserId, ActorName = actor.Name, Action = "citizen.erase",
            Target = $"deletion-request:{request.Id}", Detail = summary.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    /// <summary>What an erased outbox row's payload becomes: an empty text (the row, its state and times stay).</summary>
    public static readonly string ErasedPayload = new OutboxPayload("").ToJson();

    private async Task<int> EraseOutboxAsync(string user, CancellationToken cancellationToken)
    {
        // Waiting rows would send the erased text (or an empty one): cancelled, with the reason for the office.
        await db.OutboundMessages
            .Where(m => m.ZaloUserId == user && (m.State == OutboundState.Queued || m.State == OutboundState.Unknown))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundState.Failed)
                .SetProperty(m => m.ErrorReason, "cancelled: the citizen's data was erased at their request"), cancellationToken);
        var erased = ErasedPayload;
        return await db.OutboundMessages
            .Where(m => m.ZaloUserId == user && m.State != OutboundState.Sending && m.Payload != erased)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, erased), cancellationToken);
    }
}
