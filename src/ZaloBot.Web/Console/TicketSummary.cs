namespace ZaloBot.Web.Console;

/// <summary>The JSON view of a ticket at /console/api/tickets/{id}.</summary>
public sealed record TicketSummary(long Id, string Code, string Status, string? UnitCode, string? WardCode, DateOnly DueDate, uint Version);
