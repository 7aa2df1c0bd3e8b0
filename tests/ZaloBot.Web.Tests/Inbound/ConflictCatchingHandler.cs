using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Tests.Inbound;

/// <summary>
/// Behaves like the dialog engine's handler on a redelivered event: its transcript line already exists, it catches
/// the unique violation, clears the tracker and still returns its reply.
/// </summary>
public sealed class ConflictCatchingHandler(ZaloBotDbContext db) : IInboundEventHandler
{
    public const string SourceId = "bot-line-already-written";

    public async Task<IReadOnlyList<OutboxPayload>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        db.Transcript.Add(new TranscriptEntry
        {
            ZaloUserId = turn.ZaloUserId, Direction = TranscriptDirection.FromBot, Text = "again", At = TimeProvider.System.GetUtcNow(), SourceId = SourceId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        return [new OutboxPayload("vẫn trả lời")];
    }
}
