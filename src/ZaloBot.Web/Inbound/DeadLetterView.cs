namespace ZaloBot.Web.Inbound;

/// <summary>A dead letter as the admin API shows it (the raw body is left out: it holds the citizen's message).</summary>
public sealed record DeadLetterView(long Id, string DedupeKey, string EventName, string? ZaloUserId, int Attempts, string? LastError, DateTimeOffset ReceivedAt);
