namespace ZaloBot.Zalo.Api;

/// <summary>
/// The shape of one token bucket of the Zalo send budget. The bucket holds up to <see cref="Capacity"/> tokens and
/// gets <see cref="TokensPerPeriod"/> back after each whole <see cref="Period"/>. A take succeeds only when more than
/// <see cref="Keep"/> tokens are there, and never leaves fewer than <see cref="Floor"/> (a negative floor is a debt
/// that later takes pay back). <see cref="Name"/> identifies the bucket across processes (it names the OA).
/// </summary>
public readonly record struct RateBucket(string Name, double TokensPerPeriod, TimeSpan Period, double Capacity, double Keep = 0, double Floor = 0)
{
    /// <summary>The same bucket at <paramref name="share"/> of its size (1/N of a budget shared by N processes).</summary>
    public RateBucket Scaled(double share) =>
        this with { TokensPerPeriod = TokensPerPeriod * share, Capacity = Capacity * share, Keep = Keep * share, Floor = Floor * share };

    /// <summary>A take that must leave more than <paramref name="keep"/> tokens (a reserve for other traffic).</summary>
    public RateBucket Keeping(double keep) => this with { Keep = keep };

    /// <summary>A take that always succeeds, going into debt down to <paramref name="floor"/> (counted, never delayed).</summary>
    public RateBucket InDebtTo(double floor) => this with { Keep = floor - 1, Floor = floor };
}
