namespace ZaloBot.Web.Hosting;

/// <summary>The one retry schedule of the service: the first delay, doubled per attempt, capped.</summary>
public static class RetryBackoff
{
    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based): first × 2^(attempt−1), at most <paramref name="cap"/>.</summary>
    public static TimeSpan Delay(TimeSpan first, int attempt, TimeSpan cap) =>
        TimeSpan.FromTicks(Math.Min(first.Ticks << Math.Clamp(attempt - 1, 0, 20), cap.Ticks));
}
