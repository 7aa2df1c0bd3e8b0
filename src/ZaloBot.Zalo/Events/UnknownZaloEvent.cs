namespace ZaloBot.Zalo.Events;

/// <summary>Any other event (tags, calls, groups, ZNS…): kept raw in <see cref="ZaloEvent.RawJson"/>.</summary>
public sealed record UnknownZaloEvent : ZaloEvent;
