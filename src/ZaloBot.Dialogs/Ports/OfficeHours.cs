namespace ZaloBot.Dialogs.Ports;

/// <summary>Whether staff are on duty now, and if not, when they next are.</summary>
public sealed record OfficeHours(bool IsOpen, DateTimeOffset? NextOpening);
