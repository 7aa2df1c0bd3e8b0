namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// The system clock moved by a fixed offset: the wall-clock time reads as of another day while timers, delays and
/// timestamps run in real time (so workers behave as in production). For replaying recorded payloads, whose
/// signed timestamps are from the day they were recorded.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan _offset = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
