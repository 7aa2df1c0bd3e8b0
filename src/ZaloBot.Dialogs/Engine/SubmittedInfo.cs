namespace ZaloBot.Dialogs.Engine;

/// <summary>The answer to a "request user info" form. Phone as Zalo sends it (e.g. 84912345678).</summary>
public sealed record SubmittedInfo(string? Name, string? Phone, string? Address);
