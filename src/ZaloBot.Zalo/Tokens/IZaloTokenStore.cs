namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// Durable storage of the token pair per OA (the web host implements it on PostgreSQL, encrypted at rest).
/// Tokens are secrets: never log them.
/// </summary>
public interface IZaloTokenStore
{
    /// <summary>The current pair, or null if the OA has never been authorised.</summary>
    Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-swap: replaces the pair only if the stored refresh token still equals
    /// <paramref name="expectedRefreshToken"/> (null = only if nothing is stored). Returns false on a lost race.
    /// Implementations should keep the previous pair for forensics.
    /// </summary>
    Task<bool> TryReplaceAsync(string oaId, string? expectedRefreshToken, ZaloTokenSet next, CancellationToken cancellationToken);
}
