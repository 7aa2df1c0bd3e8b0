namespace ZaloBot.Dialogs.Engine;

/// <summary>A fixed-window message counter for <see cref="RateLimitMiddleware"/>.</summary>
public sealed class FloodCounter
{
    public DateTimeOffset WindowStartedAt { get; set; }

    public int Count { get; set; }

    public bool Warned { get; set; }
}
