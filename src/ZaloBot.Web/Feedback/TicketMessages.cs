using ZaloBot.Dialogs.Content;
using ZaloBot.Web.Outbox;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// The Zalo messages the console sends about a ticket: staff replies and status changes, with their texts in
/// content/bot-texts.vi.yaml. The satisfaction request (1–5 rating and "chưa được giải quyết") comes from the
/// dialog engine's <c>CitizenNotices</c>, whose hidden button commands the engine itself handles.
/// </summary>
public sealed class TicketMessages(BotTexts texts)
{
    /// <summary>Staff reply: the text as written, headed by the ticket code so the citizen knows what it answers.</summary>
    public OutboxPayload Reply(string code, string text) =>
        new(texts.Fill(texts.NotifyStaffReply, ("code", code), ("reply", text)));

    /// <summary>Short notification of a status change (null when the change is not worth a message).</summary>
    public OutboxPayload? StatusChanged(string code, TicketStatus to, string? reason)
    {
        var template = to switch
        {
            TicketStatus.Accepted => texts.NotifyTicketAccepted,
            TicketStatus.InProgress => texts.NotifyTicketInProgress,
            TicketStatus.Closed => texts.NotifyTicketClosed,
            TicketStatus.Rejected => texts.NotifyTicketRejected,
            TicketStatus.Transferred => texts.NotifyTicketTransferred,
            _ => null,
        };
        return template is null ? null : new OutboxPayload(texts.Fill(template, ("code", code), ("reason", reason)));
    }

    public OutboxPayload Reopened(string code) => new(texts.Fill(texts.NotifyTicketReopened, ("code", code)));
}
