namespace ZaloBot.Web.Channel;

/// <summary>Pulsed when this process queued outbox rows.</summary>
public sealed class OutboxWorkSignal : WorkSignal;
