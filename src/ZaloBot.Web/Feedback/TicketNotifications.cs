using ZaloBot.Dialogs.Conversations;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// What the citizen hears about a ticket, queued as outbox rows on the caller's DbContext so they commit with the
/// change (transactional outbox). Each key says which change it belongs to, so a change notifies once.
/// </summary>
public sealed class TicketNotifications(ZaloBotDbContext db, CitizenNotices notices, TicketMessages messages)
{
    /// <summary>
    /// Status notifications have lower priority than interactive replies; the key includes the xmin the change was
    /// based on, so each change notifies once. "Answered" also asks for the 1–5 rating.
    /// </summary>
    public void StatusChanged(FeedbackTicket ticket, string zaloUserId, TicketStatus to, string? reason, uint basedOnVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = $"ticket:{ticket.Id}:status:{to}:{basedOnVersion}";
        if (messages.StatusChanged(ticket.Code, to, reason) is { } payload)
        {
            db.OutboundMessages.Add(payload.ToOutbound(zaloUserId, key, OutboundPriority.Notification, now, ticket.Id));
        }

        if (to == TicketStatus.Answered)
        {
            // The 1–5 rating and "chưa được giải quyết": texts and hidden button commands belong to the dialog engine,
            // which handles the taps whatever the conversation is doing.
            var request = notices.SatisfactionRequest(ticket.Code).SelectMany(OutboxPayload.FromReply).ToList();
            for (var i = 0; i < request.Count; i++)
            {
                db.OutboundMessages.Add(request[i].ToOutbound(zaloUserId, $"{key}:{i}", OutboundPriority.Notification, now, ticket.Id));
            }
        }
    }

    /// <summary>A staff reply, keyed by the form's one-time key ("reply:{replyKey}") so a double submit sends once.</summary>
    public OutboundMessage Reply(FeedbackTicket ticket, string zaloUserId, string text, Guid replyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var outbound = messages.Reply(ticket.Code, text)
            .ToOutbound(zaloUserId, $"reply:{replyKey:N}", OutboundPriority.Interactive, now, ticket.Id);
        db.OutboundMessages.Add(outbound);
        return outbound;
    }

    /// <summary>Staff reopened the ticket; keyed by the xmin the reopen was based on.</summary>
    public void Reopened(FeedbackTicket ticket, string zaloUserId, uint basedOnVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        db.OutboundMessages.Add(messages.Reopened(ticket.Code)
            .ToOutbound(zaloUserId, $"ticket:{ticket.Id}:reopened:{basedOnVersion}", OutboundPriority.Notification, now, ticket.Id));
    }
}
