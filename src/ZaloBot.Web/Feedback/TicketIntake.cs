namespace ZaloBot.Web.Feedback;

/// <summary>The ticket for an intake; <see cref="Created"/> is false when the same source message had already created it.</summary>
public sealed record TicketIntake(long TicketId, string Code, DateOnly DueDate, bool Created);
