namespace ZaloBot.Web.Outbox;

/// <summary>A button: Kind is "query-show", "query-hide" (Payload is the text sent back), "open-url" (Payload is the URL) or "open-phone".</summary>
public sealed record OutboxButton(string Title, string Kind, string Payload);
