namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// A lock shared by every process of the app (the web host implements it on Redis or a PostgreSQL advisory lock).
/// Used so only one process spends the single-use refresh token.
/// </summary>
public interface IZaloDistributedLock
{
    /// <summary>
    /// Tries for up to <paramref name="wait"/> to take <paramref name="key"/> for at most <paramref name="lease"/>
    /// (it expires by itself if the holder dies). Returns a handle that releases on dispose, or null if not acquired.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken);
}
