namespace ZaloBot.Dialogs.Engine;

/// <summary>One row of a list message (Zalo allows at most 5).</summary>
public sealed record ListElement(string Title, string? Subtitle, MessageButton? Action);
