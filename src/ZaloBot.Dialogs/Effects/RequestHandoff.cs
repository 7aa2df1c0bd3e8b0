using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Effects;

/// <summary>A live request (or, outside office hours, a message) for the office queue; one open request per citizen.</summary>
public sealed record RequestHandoff(HandoffRequest Request) : TurnEffect;
