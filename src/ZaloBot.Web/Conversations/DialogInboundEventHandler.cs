using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Channel;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The channel's seam to the dialog engine: each citizen event becomes an activity, runs one turn (state saved
/// first), and the replies go back to the worker, which writes them to the outbox. The bot's lines are added to
/// the transcript staff see on a ticket.
/// </summary>
public sealed class DialogInboundEventHandler(ConversationRunner runner, ZaloBotDbContext db, TimeProvider time) : IInboundEventHandler
{
    public async Task<IReadOnlyList<OutboxPayload>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var activity = ActivityMapper.FromEvent(turn.Event, turn.ZaloUserId, turn.DedupeKey, now);
        if (activity is null)
        {
            return [];
        }

        var replies = await runner.RunAsync(activity, cancellationToken);
        for (var i = 0; i < replies.Count; i++)
        {
            db.Transcript.Add(new TranscriptEntry
            {
                ZaloUserId = turn.ZaloUserId,
                Direction = TranscriptDirection.FromBot,
                Text = replies[i].Text,
                At = now,
                SourceId = InboundProcessor.TurnKey(turn.DedupeKey, i),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (CitizenDirectory.IsUniqueViolation(ex))
        {
            // The transcript of this turn was written by an earlier delivery of the same event.
            db.ChangeTracker.Clear();
        }

        return replies.Select(OutboxPayload.FromReply).ToList();
    }
}
