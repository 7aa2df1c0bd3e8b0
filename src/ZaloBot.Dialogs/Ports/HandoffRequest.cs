namespace ZaloBot.Dialogs.Ports;

/// <summary>A request to talk to staff; outside office hours it carries the citizen's message.</summary>
public sealed record HandoffRequest(string ZaloUserId, string? Message, bool OutsideOfficeHours, DateTimeOffset RequestedAt);
