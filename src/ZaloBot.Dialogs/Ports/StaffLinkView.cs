namespace ZaloBot.Dialogs.Ports;

/// <summary>A staff member a link code belongs to: who the chat says it linked.</summary>
public sealed record StaffLinkView(string UserId, string DisplayName);
