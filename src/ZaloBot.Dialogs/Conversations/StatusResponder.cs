using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>"Tra cứu phản ánh": one ticket by code, or the citizen's own list. Only own tickets.</summary>
internal sealed class StatusResponder
{
    private readonly IFeedbackDesk _desk;

    public StatusResponder(IFeedbackDesk desk)
    {
        _desk = desk;
    }

    public async Task ShowListAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var tickets = await _desk.ListTicketsAsync(turn.Activity.UserId, turn.Options.MaxTicketsListed, cancellationToken);
        if (tickets.Count == 0)
        {
            turn.Send(texts.StatusNone, [MessageButton.Show(texts.MenuFeedback), MessageButton.Show(texts.MenuButton)]);
            return;
        }

        var lines = tickets.Select(t => texts.Fill(texts.StatusListLine,
            ("code", t.Code), ("status", Formats.Status(texts, t.Status)), ("due", Formats.Date(t.DueDate))));
        var text = string.Join('\n', lines.Prepend(texts.StatusListIntro).Append(texts.StatusListHint));
        turn.Send(text, tickets.Take(OutgoingMessage.MaxButtons).Select(t => MessageButton.Show(t.Code)));
    }

    public async Task ShowTicketAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var ticket = await _desk.FindTicketAsync(turn.Activity.UserId, code, cancellationToken);
        if (ticket is null)
        {
            turn.Send(texts.Fill(texts.StatusNotFound, ("code", code)), [MessageButton.Show(texts.MenuStatus), MessageButton.Show(texts.MenuButton)]);
            return;
        }

        var reply = string.IsNullOrWhiteSpace(ticket.LatestReply) ? texts.StatusNoReply : OutgoingMessage.Clip(ticket.LatestReply.Trim(), 1200);
        turn.Send(texts.Fill(texts.StatusDetail,
            ("code", ticket.Code),
            ("category", ticket.CategoryLabel),
            ("status", Formats.Status(texts, ticket.Status)),
            ("unit", ticket.Unit ?? texts.StatusUnitPending),
            ("due", Formats.Date(ticket.DueDate)),
            ("reply", reply)));
    }
}
