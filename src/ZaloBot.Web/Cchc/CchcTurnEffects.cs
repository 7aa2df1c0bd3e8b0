using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Cchc;

/// <summary>
/// Applies the chat's CCHC, business-dialogue and staff-link effects on the committer's DbContext, inside the turn's transaction
/// (scoped, same scope as <c>TurnEffects</c>). Applied once because the turn is committed once.
/// </summary>
public sealed class CchcTurnEffects(ZaloBotDbContext db, DialogueDesk dialogue, StaffZaloLinks staffLinks, ILogger<CchcTurnEffects> logger)
{
    public static bool Handles(TurnEffect effect) =>
        effect is SubscribeCchc or UnsubscribeCchc or RecordCchcSeen or RegisterForDialogue or AskDialogueQuestion or LinkStaffAccount;

    public async Task ApplyAsync(TurnEffect effect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case SubscribeCchc subscribe:
                var row = await db.CchcSubscriptions.SingleOrDefaultAsync(s => s.ZaloUserId == subscribe.ZaloUserId, cancellationToken);
                if (row is null)
                {
                    db.CchcSubscriptions.Add(new CchcSubscription { ZaloUserId = subscribe.ZaloUserId, IsActive = true, SubscribedAt = now });
                }
                else if (!row.IsActive)
                {
                    // Posts published while unsubscribed are not "new" to them: the on-visit notice starts again from now.
                    row.IsActive = true;
                    row.SubscribedAt = now;
                    row.UnsubscribedAt = null;
                }

                break;
            case UnsubscribeCchc unsubscribe:
                await db.CchcSubscriptions.Where(s => s.ZaloUserId == unsubscribe.ZaloUserId && s.IsActive)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false).SetProperty(x => x.UnsubscribedAt, now), cancellationToken);
                // Posts already queued for them are not sent either (after an unfollow Zalo would answer -213).
                await db.OutboundMessages
                    .Where(m => m.ZaloUserId == unsubscribe.ZaloUserId && m.State == OutboundState.Queued && m.IdempotencyKey.StartsWith(CchcDesk.PushKeyPrefix))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.State, OutboundState.Failed)
                        .SetProperty(m => m.ErrorReason, "not sent: the citizen unsubscribed or unfollowed"), cancellationToken);
                break;
            case RecordCchcSeen seen:
                await RecordSeenAsync(seen, now, cancellationToken);
                break;
            case RegisterForDialogue register:
                var consentId = register.ConsentText is { } text ? await RecordConsentAsync(register.ZaloUserId, text, now, cancellationToken) : (long?)null;
                var (registered, _) = await dialogue.RegisterAsync(new NewDialogueRegistration(
                    register.SessionId, register.ZaloUserId, register.BusinessName, register.Field, register.TaxCode,
                    register.ContactName, register.ContactPhone, consentId, register.Key), cancellationToken);
                Report(effect, registered);
                break;
            case AskDialogueQuestion ask:
                var (asked, _) = await dialogue.AskAsync(ask.SessionId, ask.ZaloUserId, ask.Text, ask.Key, cancellationToken);
                Report(effect, asked);
                break;
            case LinkStaffAccount link:
                if (!await staffLinks.LinkAsync(link.ZaloUserId, link.Code, cancellationToken))
                {
                    // The turn saw the code valid; it expired or was used in between (the staff member makes a new one).
                    logger.LogWarning("Effect {Effect}: the link code is no longer valid", nameof(LinkStaffAccount));
                }

                break;
            default:
                throw new InvalidOperationException($"No committer for effect {effect.GetType().Name}.");
        }
    }

    /// <summary>Only an active subscriber's posts count as told; one row per post and citizen (unique), so a post is told once.</summary>
    private async Task RecordSeenAsync(RecordCchcSeen seen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.CchcSubscriptions.AnyAsync(s => s.ZaloUserId == seen.ZaloUserId && s.IsActive, cancellationToken))
        {
            return;
        }

        var told = await db.CchcDeliveries.Where(d => d.ZaloUserId == seen.ZaloUserId && seen.PostIds.Contains(d.PostId))
            .Select(d => d.PostId).ToListAsync(cancellationToken);
        db.CchcDeliveries.AddRange(seen.PostIds.Distinct().Except(told).Select(id => new CchcDelivery
        {
            PostId = id, ZaloUserId = seen.ZaloUserId, Kind = CchcDeliveryKind.OnVisit, At = now,
        }));
    }

    private async Task<long> RecordConsentAsync(string zaloUserId, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var citizen = await CitizenDirectory.GetOrCreateAsync(db, zaloUserId, now, cancellationToken);
        var consent = new ConsentRecord { CitizenId = citizen.Id, Purpose = "contact-for-dialogue", ConsentText = text, Channel = "chat", GivenAt = now };
        db.ConsentRecords.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return consent.Id;
    }

    /// <summary>The dialog checked the session before asking; a refusal now means the office changed it in between (logged).</summary>
    private void Report(TurnEffect effect, DialogueOutcome outcome)
    {
        if (outcome != DialogueOutcome.Done)
        {
            logger.LogWarning("Effect {Effect} was refused by the dialogue desk ({Outcome})", effect.GetType().Name, outcome);
        }
    }
}
