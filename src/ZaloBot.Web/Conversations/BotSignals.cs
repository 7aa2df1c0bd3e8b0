using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>Unanswered questions, FAQ votes and deletion requests, each stored once per idempotency key.</summary>
public sealed class BotSignals(IServiceScopeFactory scopes, LiveRecognizer recognizer, TimeProvider time) : ICitizenSignals
{
    public async Task RecordUnansweredQuestionAsync(string zaloUserId, string question, string idempotencyKey, CancellationToken cancellationToken)
    {
        var top = recognizer.IsBuilt ? recognizer.Recognize(question).Candidates is [var first, ..] ? first : null : null;
        await InsertOnceAsync(db => db.UnansweredQuestions.Add(new UnansweredQuestion
        {
            Text = Dialogs.Engine.OutgoingMessage.Clip(question),
            ZaloUserId = zaloUserId,
            AskedAt = time.GetUtcNow(),
            TopCandidate = top?.Label,
            TopConfidence = top?.Confidence,
            SourceMessageId = idempotencyKey,
        }), cancellationToken);
    }

    public Task RecordFaqVoteAsync(string zaloUserId, string slug, bool helpful, string idempotencyKey, CancellationToken cancellationToken) =>
        InsertOnceAsync(db => db.FaqVotes.Add(new FaqVote
        {
            Slug = slug, Helpful = helpful, ZaloUserId = zaloUserId, At = time.GetUtcNow(), SourceMessageId = idempotencyKey,
        }), cancellationToken);

    public async Task RecordDeletionRequestAsync(string zaloUserId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var now = time.GetUtcNow();
        var citizen = await CitizenDirectory.GetOrCreateAsync(db, zaloUserId, now, cancellationToken);
        if (await db.DeletionRequests.AnyAsync(r => r.CitizenId == citizen.Id && r.HandledAt == null, cancellationToken))
        {
            return;
        }

        db.DeletionRequests.Add(new DeletionRequest { CitizenId = citizen.Id, RequestedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task InsertOnceAsync(Action<ZaloBotDbContext> add, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        add(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (CitizenDirectory.IsUniqueViolation(ex))
        {
            // The same key was stored by an earlier run of this turn.
        }
    }
}
