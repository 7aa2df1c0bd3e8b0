using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Outbox;
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
            // Keyed like the reply's outbox row: a re-run of the event adds nothing.
            var source = InboundProcessor.TurnKey(turn.DedupeKey, i);
            var text = replies[i].Text;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO transcript (zalo_user_id, direction, text, at, source_id) VALUES ({turn.ZaloUserId}, {(int)TranscriptDirection.FromBot}, {text}, {now}, {source}) ON CONFLICT (source_id, direction) DO NOTHING",
                cancellationToken);
        }

        return replies.SelectMany(OutboxPayload.FromReply).ToList();
    }
}
