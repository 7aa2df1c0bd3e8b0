namespace ZaloBot.Zalo.Tokens;

/// <summary>Supplies the OA access token for the <c>access_token</c> header.</summary>
public interface IAccessTokenProvider
{
    /// <summary>
    /// A usable access token, refreshing first when it is within the configured lead of expiry.
    /// Null when none is available (never authorised, or expired and the refresh failed).
    /// </summary>
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Zalo answered -216/-220 for <paramref name="rejectedAccessToken"/>: returns a newer token (refreshing at most
    /// once, or adopting one another process already stored), or null. Callers retry their request once with it.
    /// </summary>
    Task<string?> RefreshAfterRejectionAsync(string rejectedAccessToken, CancellationToken cancellationToken);
}
