namespace ZaloBot.Web.Outbox;

/// <summary>Zalo's request_user_info template: one element with a title and subtitle (and optional banner image URL).</summary>
public sealed record OutboxForm(string Title, string Subtitle, string? ImageUrl = null);
