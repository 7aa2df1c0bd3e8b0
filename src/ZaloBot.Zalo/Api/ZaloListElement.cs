namespace ZaloBot.Zalo.Api;

/// <summary>One row of a list template (≤ 5). <see cref="DefaultAction"/> fires when the row is tapped.</summary>
public sealed record ZaloListElement(string Title, string? Subtitle = null, Uri? ImageUrl = null, ZaloButton? DefaultAction = null);
