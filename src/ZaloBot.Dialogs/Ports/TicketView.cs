namespace ZaloBot.Dialogs.Ports;

/// <summary>What a citizen may see of their own ticket.</summary>
public sealed record TicketView(
    string Code,
    string CategoryLabel,
    TicketProgress Status,
    string? Unit,
    DateOnly DueDate,
    string? LatestReply,
    DateTimeOffset CreatedAt);
