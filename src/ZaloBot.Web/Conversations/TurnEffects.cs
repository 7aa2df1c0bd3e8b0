using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Applies a turn's effects on the committer's DbContext, inside its transaction (scoped, same scope). Each effect is
/// applied once because the turn is committed once (processed marker); nothing here keeps its own idempotency key.
/// </summary>
public sealed class TurnEffects(ZaloBotDbContext db, TicketIntakeDesk intake, CitizenTicketDesk citizenTickets, LiveRecognizer recognizer, BotTexts texts, CchcTurnEffects cchc, ILogger<TurnEffects> logger)
{
    /// <summary>Applies <paramref name="effect"/> of the turn <paramref name="key"/>; returns the replies, filled when a ticket was created.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> ApplyAsync(
        TurnEffect effect, string key, IReadOnlyList<OutgoingMessage> replies, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case var _ when CchcTurnEffects.Handles(effect):
                await cchc.ApplyAsync(effect, now, cancellationToken);
                break;
            case CreateTicket create:
                return TicketReceipt.Fill(texts, replies, await CreateTicketAsync(create, now, cancellationToken));
            case RateTicket rate:
                Report(rate, await citizenTickets.RateByCitizenAsync(rate.ZaloUserId, rate.Code, rate.Stars, cancellationToken));
                break;
            case ReopenTicket reopen:
                Report(reopen, await citizenTickets.ReopenByCitizenAsync(reopen.ZaloUserId, reopen.Code, cancellationToken));
                break;
            case RequestHandoff handoff:
                await RequestHandoffAsync(handoff.Request, cancellationToken);
                break;
            case EndHandoff end:
                await db.HandoffRequests
                    .Where(h => h.ZaloUserId == end.ZaloUserId && h.State != HandoffRequestState.Closed)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, HandoffRequestState.Closed).SetProperty(h => h.ClosedAt, now), cancellationToken);
                break;
            case RecordFaqVote vote:
                db.FaqVotes.Add(new FaqVote { Slug = vote.Slug, Helpful = vote.Helpful, ZaloUserId = vote.ZaloUserId, At = now, SourceMessageId = "vote:" + key });
                break;
            case RecordUnansweredQuestion question:
                var top = recognizer.IsBuilt && recognizer.Recognize(question.Question).Candidates is [var first, ..] ? first : null;
                db.UnansweredQuestions.Add(new UnansweredQuestion
                {
                    Text = OutgoingMessage.Clip(question.Question),
                    ZaloUserId = question.ZaloUserId,
                    AskedAt = now,
                    TopCandidate = top?.Label,
                    TopConfidence = top?.Confidence,
                    SourceMessageId = "unanswered:" + key,
                });
                break;
            case RecordDeletionRequest deletion:
                var citizen = await CitizenDirectory.GetOrCreateAsync(db, deletion.ZaloUserId, now, cancellationToken);
                if (!await db.DeletionRequests.AnyAsync(r => r.CitizenId == citizen.Id && r.HandledAt == null, cancellationToken))
                {
                    db.DeletionRequests.Add(new DeletionRequest { CitizenId = citizen.Id, RequestedAt = now });
                }

                break;
            default:
                throw new InvalidOperationException($"No committer for effect {effect.GetType().Name}.");
        }

        return replies;
    }

    private async Task<CreatedTicket> CreateTicketAsync(CreateTicket create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = create.Ticket;
        var photoUrls = ticket.Photos.Select(p => p.Url).ToList();
        // Photos were downloaded when they arrived (Zalo links expire); link the stored copies.
        var attachmentIds = photoUrls.Count == 0
            ? []
            : await db.Attachments.Where(a => a.ZaloUserId == ticket.ZaloUserId && a.SourceUrl != null && photoUrls.Contains(a.SourceUrl))
                .Select(a => a.Id).ToListAsync(cancellationToken);
        long? consentId = null;
        if (create.ConsentText is { } consentText)
        {
            var citizen = await CitizenDirectory.GetOrCreateAsync(db, ticket.ZaloUserId, now, cancellationToken);
            var consent = new ConsentRecord { CitizenId = citizen.Id, Purpose = "contact-for-feedback", ConsentText = consentText, Channel = "chat", GivenAt = now };
            db.ConsentRecords.Add(consent);
            await db.SaveChangesAsync(cancellationToken);
            consentId = consent.Id;
        }

        var created = await intake.CreateAsync(new TicketRequest(
            create.Key, ticket.ZaloUserId, ticket.CategoryCode, ticket.Description, ticket.WardCode,
            ticket.Location?.Latitude, ticket.Location?.Longitude, ticket.Location?.Address,
            ticket.ContactName, ticket.ContactPhone, consentId, attachmentIds), cancellationToken);
        return new CreatedTicket(created.Code, created.DueDate);
    }

    /// <summary>One open request per citizen: a second request while one is open adds nothing.</summary>
    private async Task RequestHandoffAsync(Dialogs.Ports.HandoffRequest request, CancellationToken cancellationToken)
    {
        if (await db.HandoffRequests.AnyAsync(h => h.ZaloUserId == request.ZaloUserId && h.State != HandoffRequestState.Closed, cancellationToken))
        {
            return;
        }

        db.HandoffRequests.Add(new HandoffRequest
        {
            ZaloUserId = request.ZaloUserId,
            RequestedAt = request.RequestedAt,
            State = HandoffRequestState.Waiting,
            Note = request.Message is null ? null : OutgoingMessage.Clip(request.Message),
        });
    }

    /// <summary>The turn checked the ticket before asking; a refusal now means staff changed it in between (logged, not retried).</summary>
    private void Report(TurnEffect effect, TicketActionResult result)
    {
        if (!result.Succeeded)
        {
            logger.LogWarning("Effect {Effect} was refused by the ticket rules ({Outcome})", effect.GetType().Name, result.Outcome);
        }
    }
}
