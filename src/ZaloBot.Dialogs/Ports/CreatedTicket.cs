namespace ZaloBot.Dialogs.Ports;

/// <summary>The stored ticket: code "PA-2026-000123" and the due date (local date in Vietnam).</summary>
public sealed record CreatedTicket(string Code, DateOnly DueDate);
