namespace ZaloBot.Zalo.Api;

/// <summary>One take from a <see cref="RateBucket"/>: granted, or how long until a token may be there.</summary>
public readonly record struct RateBudgetAnswer(bool Granted, TimeSpan RetryAfter)
{
    public static RateBudgetAnswer Grant => new(true, TimeSpan.Zero);
}
