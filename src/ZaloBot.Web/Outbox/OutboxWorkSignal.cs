using ZaloBot.Web.Hosting;
namespace ZaloBot.Web.Outbox;

/// <summary>Pulsed when this process queued outbox rows.</summary>
public sealed class OutboxWorkSignal : WorkSignal;
