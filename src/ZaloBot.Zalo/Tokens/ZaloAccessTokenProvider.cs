using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// Keeps the OA access token fresh. Rules:
/// <list type="number">
/// <item>Refresh proactively when within <see cref="ZaloTokenOptions.RefreshLead"/> of expiry, and after Zalo rejects a token (-216/-220).</item>
/// <item>One refresh at a time: an in-process gate, then the distributed lock; under the lock re-read the store
/// and skip if another process already refreshed.</item>
/// <item>Persist the new pair (compare-and-swap on the old refresh token) BEFORE using it: the refresh token is
/// single-use, so an unsaved pair is a lost grant.</item>
/// <item>A failed refresh is logged and shown in <see cref="Status"/> (health check); no new attempt for
/// <see cref="ZaloTokenOptions.FailureCooldown"/>, so it never loops. A still-valid token keeps being used.</item>
/// </list>
/// Singleton. Tokens never reach a log.
/// </summary>
public sealed class ZaloAccessTokenProvider(
    IZaloTokenStore store,
    IZaloDistributedLock distributedLock,
    ZaloOAuthClient oauth,
    IOptions<ZaloTokenOptions> options,
    TimeProvider time,
    ILogger<ZaloAccessTokenProvider> logger) : IAccessTokenProvider, IDisposable
{
    private readonly ZaloTokenOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ZaloTokenSet? _current;
    private DateTimeOffset? _lastFailureAt;
    private volatile ZaloTokenStatus _status = new(ZaloTokenState.Unknown, null, null, null, null);

    /// <summary>The lock key, one per OA.</summary>
    public string LockKey => "zalo:token-refresh:" + _options.OaId;

    public ZaloTokenStatus Status => _status;

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var set = _current;
        if (set is null)
        {
            set = await store.GetAsync(_options.OaId, cancellationToken);
            if (set is null)
            {
                SetStatus(ZaloTokenState.Missing, null, "no token pair stored for the OA");
                return null;
            }

            _current = set;
            if (_status.State is ZaloTokenState.Unknown or ZaloTokenState.Missing)
            {
                SetStatus(ZaloTokenState.Healthy, set, null);
            }
        }

        var now = time.GetUtcNow();
        if (!IsDue(set, now))
        {
            return set.AccessToken;
        }

        var refreshed = await RefreshAsync(set.AccessToken, afterRejection: false, cancellationToken);
        if (refreshed is not null)
        {
            return refreshed.AccessToken;
        }

        // The proactive refresh failed: the old token is still good until it really expires.
        return now < set.AccessTokenExpiresAt ? set.AccessToken : null;
    }

    public async Task<string?> RefreshAfterRejectionAsync(string rejectedAccessToken, CancellationToken cancellationToken) =>
        (await RefreshAsync(rejectedAccessToken, afterRejection: true, cancellationToken))?.AccessToken;

    /// <summary>
    /// A new pair was stored by a fresh consent (console or <c>oa connect</c>) in this process: use it from now on
    /// and clear the failure state. Other processes adopt it when Zalo rejects their old token (-216).
    /// </summary>
    public void Adopt(ZaloTokenSet connected)
    {
        _current = connected;
        _lastFailureAt = null;
        _status = new ZaloTokenStatus(ZaloTokenState.Healthy, connected.AccessTokenExpiresAt, _status.LastRefreshAt, null, null);
    }

    public void Dispose() => _gate.Dispose();

    private bool IsDue(ZaloTokenSet set, DateTimeOffset now) => now >= set.AccessTokenExpiresAt - _options.RefreshLead;

    /// <summary>Returns a pair newer than <paramref name="seenAccessToken"/>, or null when none could be had.</summary>
    private async Task<ZaloTokenSet?> RefreshAsync(string seenAccessToken, bool afterRejection, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller in this process refreshed while we waited at the gate.
            if (_current is { } mine && mine.AccessToken != seenAccessToken && !IsDue(mine, time.GetUtcNow()))
            {
                return mine;
            }

            if (_lastFailureAt is { } failedAt && time.GetUtcNow() < failedAt + _options.FailureCooldown)
            {
                // A human may have reconnected the OA (a new pair from the consent) since: adopt it, don't refresh.
                if (await store.GetAsync(_options.OaId, cancellationToken) is { } reconnected
                    && reconnected.AccessToken != seenAccessToken && !IsDue(reconnected, time.GetUtcNow()))
                {
                    Adopt(reconnected);
                    return reconnected;
                }

                logger.LogDebug("Zalo token refresh skipped: last failure at {FailedAt} is within the cooldown", failedAt);
                return null;
            }

            var handle = await distributedLock.TryAcquireAsync(LockKey, _options.LockLease, _options.LockWait, cancellationToken);
            if (handle is null)
            {
                // Someone else holds the lock longer than we wait: use what they stored, if newer; don't refresh.
                var stored = await store.GetAsync(_options.OaId, cancellationToken);
                if (stored is not null && stored.AccessToken != seenAccessToken)
                {
                    _current = stored;
                    return stored;
                }

                logger.LogWarning("Zalo token refresh lock {LockKey} not acquired within {Wait}", LockKey, _options.LockWait);
                return null;
            }

            await using (handle)
            {
                return await RefreshUnderLockAsync(seenAccessToken, afterRejection, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ZaloTokenSet?> RefreshUnderLockAsync(string seenAccessToken, bool afterRejection, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(_options.OaId, cancellationToken);
        if (current is null)
        {
            SetStatus(ZaloTokenState.Missing, null, "no token pair stored for the OA");
            return null;
        }

        if (current.AccessToken != seenAccessToken && (afterRejection || !IsDue(current, time.GetUtcNow())))
        {
            logger.LogInformation("Zalo token already refreshed by another process; adopting it (expires {ExpiresAt})", current.AccessTokenExpiresAt);
            _current = current;
            return current;
        }

        logger.LogInformation("Refreshing Zalo OA access token ({Reason}); current expires {ExpiresAt}",
            afterRejection ? "rejected by Zalo" : "proactive", current.AccessTokenExpiresAt);
        var grant = await oauth.RefreshAsync(current.RefreshToken, cancellationToken);
        var now = time.GetUtcNow();
        if (!grant.IsSuccess)
        {
            Fail(now, current, $"refresh failed: {grant.Error}");
            return null;
        }

        var next = new ZaloTokenSet(grant.Value!.AccessToken, grant.Value.RefreshToken, now + grant.Value.ExpiresIn, now);
        bool saved;
        try
        {
            saved = await store.TryReplaceAsync(_options.OaId, current.RefreshToken, next, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The old refresh token is spent and the new pair is not stored: the grant is lost. A human must re-consent.
            logger.LogCritical(ex, "Zalo token refreshed but NOT persisted; the grant is likely lost. Re-authorise the OA");
            Fail(now, current, "new token pair could not be persisted; re-authorise the OA");
            return null;
        }

        if (!saved)
        {
            // Only possible if the lock lease expired during the refresh and another process refreshed too.
            var winner = await store.GetAsync(_options.OaId, cancellationToken);
            logger.LogError("Zalo token compare-and-swap lost despite the lock (lease {Lease} too short?); adopting the stored pair", _options.LockLease);
            Fail(now, winner, "token compare-and-swap conflict");
            _current = winner;
            return winner is not null && winner.AccessToken != seenAccessToken ? winner : null;
        }

        _current = next;
        _lastFailureAt = null;
        _status = new ZaloTokenStatus(ZaloTokenState.Healthy, next.AccessTokenExpiresAt, now, null, null);
        logger.LogInformation("Zalo OA access token refreshed; expires {ExpiresAt}", next.AccessTokenExpiresAt);
        return next;
    }

    private void Fail(DateTimeOffset now, ZaloTokenSet? current, string reason)
    {
        _lastFailureAt = now;
        _status = new ZaloTokenStatus(ZaloTokenState.RefreshFailed, current?.AccessTokenExpiresAt, _status.LastRefreshAt, now, reason);
        logger.LogError("Zalo OA token refresh failed: {Reason}. Next attempt not before {NextAttempt}", reason, now + _options.FailureCooldown);
    }

    private void SetStatus(ZaloTokenState state, ZaloTokenSet? set, string? failure) =>
        _status = _status with { State = state, AccessTokenExpiresAt = set?.AccessTokenExpiresAt, LastFailure = failure ?? _status.LastFailure };
}
