using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// Tells the dialog engine that staff took a citizen's conversation (the bot goes silent, except "kết thúc") or
/// handed it back (the bot greets with the menu). The engine's replies, whose texts live in bot-texts.vi.yaml,
/// go to the outbox like any turn's, keyed by the handoff so a repeated click sends nothing twice.
/// </summary>
public sealed class StaffHandover(ConversationRunner runner, ZaloBotDbContext db, TimeProvider time)
{
    public Task TookOverAsync(string zaloUserId, long handoffId, CancellationToken cancellationToken) =>
        RunAsync(zaloUserId, ActivityType.StaffTookOver, $"handoff:{handoffId}:taken", cancellationToken);

    public Task ReleasedAsync(string zaloUserId, long handoffId, CancellationToken cancellationToken) =>
        RunAsync(zaloUserId, ActivityType.StaffReleased, $"handoff:{handoffId}:released", cancellationToken);

    private async Task RunAsync(string zaloUserId, ActivityType type, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var replies = await runner.RunAsync(new Activity { Type = type, UserId = zaloUserId, MessageId = key, Timestamp = now }, cancellationToken);
        var payloads = replies.SelectMany(OutboxPayload.FromReply).ToList();
        for (var i = 0; i < payloads.Count; i++)
        {
            var outboxKey = $"{key}:{i}";
            db.OutboundMessages.Add(payloads[i].ToOutbound(zaloUserId, outboxKey, OutboundPriority.Interactive, now));
            db.Transcript.Add(new TranscriptEntry { ZaloUserId = zaloUserId, Direction = TranscriptDirection.FromBot, Text = payloads[i].Text, At = now, SourceId = outboxKey });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
