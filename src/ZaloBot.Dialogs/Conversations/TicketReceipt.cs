using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>The intake's "received, code …, due …" reply is sent with placeholders; the committer fills them once the ticket exists.</summary>
public static class TicketReceipt
{
    /// <summary>Fills <c>{code}</c> and <c>{due}</c> in every reply of the turn that created <paramref name="created"/>.</summary>
    public static IReadOnlyList<OutgoingMessage> Fill(BotTexts texts, IReadOnlyList<OutgoingMessage> replies, CreatedTicket created) =>
        replies.Select(r => OutgoingMessage.Create(
            texts.Fill(r.Text, ("code", created.Code), ("due", Formats.Date(created.DueDate))), r.Buttons, r.InfoRequest, r.List)).ToList();
}
