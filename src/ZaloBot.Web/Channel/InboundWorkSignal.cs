namespace ZaloBot.Web.Channel;

/// <summary>Pulsed when an inbound event was added to a stream by this process.</summary>
public sealed class InboundWorkSignal : WorkSignal;
