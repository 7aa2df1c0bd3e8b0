namespace ZaloBot.Web.Feedback;

/// <summary>A ticket as its citizen may see it in the chat (no internal notes, no staff names).</summary>
public sealed record CitizenTicket(
    string Code,
    TicketStatus Status,
    string CategoryName,
    string Text,
    DateTimeOffset CreatedAt,
    DateOnly DueDate,
    DateTimeOffset? AnsweredAt,
    string? LatestReply,
    int? Rating);
