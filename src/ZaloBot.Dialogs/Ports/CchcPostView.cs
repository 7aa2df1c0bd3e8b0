namespace ZaloBot.Dialogs.Ports;

/// <summary>A published CCHC post as the chat shows it: <paramref name="Url"/> is its public page (the "Đọc tiếp" button).</summary>
public sealed record CchcPostView(long Id, string Title, string Summary, Uri Url, DateTimeOffset PublishedAt);
