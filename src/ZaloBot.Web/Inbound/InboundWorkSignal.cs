using ZaloBot.Web.Hosting;
namespace ZaloBot.Web.Inbound;

/// <summary>Pulsed when an inbound event was added to a stream by this process.</summary>
public sealed class InboundWorkSignal : WorkSignal;
