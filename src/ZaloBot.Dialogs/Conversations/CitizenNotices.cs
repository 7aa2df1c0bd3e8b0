using System.Globalization;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// Messages the web app pushes outside a turn when staff change a ticket or reply. The rating and
/// "chưa được giải quyết" buttons come back as hidden commands that <see cref="CitizenBot"/>
/// handles through <see cref="IFeedbackDesk"/>, whatever the conversation is doing.
/// </summary>
public sealed class CitizenNotices
{
    private readonly BotTexts _texts;

    public CitizenNotices(BotTexts texts)
    {
        _texts = texts;
    }

    /// <summary>"Status changed" (and, when answered, the satisfaction request).</summary>
    public IReadOnlyList<OutgoingMessage> StatusChanged(TicketView ticket)
    {
        var messages = new List<OutgoingMessage>
        {
            OutgoingMessage.Create(_texts.Fill(_texts.NotifyStatusChanged,
                ("code", ticket.Code),
                ("status", Formats.Status(_texts, ticket.Status)),
                ("unit", ticket.Unit ?? _texts.StatusUnitPending))),
        };
        if (ticket.Status == TicketProgress.Answered)
        {
            messages.AddRange(SatisfactionRequest(ticket.Code));
        }

        return messages;
    }

    /// <summary>A staff reply, split into several messages when longer than 2,000 characters.</summary>
    public IReadOnlyList<OutgoingMessage> StaffReplied(TicketView ticket, string reply) =>
        OutgoingMessage.Split(_texts.Fill(_texts.NotifyStaffReply, ("code", ticket.Code), ("reply", reply.Trim())))
            .Select(part => OutgoingMessage.Create(part))
            .ToList();

    /// <summary>A 1–5 rating (five buttons: Zalo's maximum) and a separate reopen button.</summary>
    public IReadOnlyList<OutgoingMessage> SatisfactionRequest(string code) =>
    [
        OutgoingMessage.Create(
            _texts.Fill(_texts.NotifyRatingPrompt, ("code", code)),
            Enumerable.Range(1, 5).Select(stars => MessageButton.Hidden(
                stars.ToString(CultureInfo.InvariantCulture) + " ⭐",
                HiddenCommand.Build(HiddenCommand.Rate, code, stars.ToString(CultureInfo.InvariantCulture))))),
        OutgoingMessage.Create(
            _texts.NotifyReopenPrompt,
            [MessageButton.Hidden(_texts.ReopenButton, HiddenCommand.Build(HiddenCommand.Reopen, code))]),
    ];
}
