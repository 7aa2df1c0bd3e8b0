using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Effects;

/// <summary>
/// A confirmed feedback becomes a ticket (with a consent record whose text is <paramref name="ConsentText"/> when the
/// citizen left contact details). The ticket's code and due date are only known once it is stored: the turn's replies
/// carry the placeholders <c>{code}</c> and <c>{due}</c>, which the committer fills (<c>Conversations.TicketReceipt</c>).
/// </summary>
/// <param name="Key">The ticket's idempotency key (<c>ticket:{message id}</c>); also finds it again later.</param>
public sealed record CreateTicket(NewTicket Ticket, string Key, string? ConsentText) : TurnEffect;
