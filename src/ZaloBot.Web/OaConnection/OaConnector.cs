using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.OaConnection;

/// <summary>
/// Connects the OA: exchanges the consent's code (with its PKCE verifier) for the first token pair, or takes a pair
/// issued elsewhere (API Explorer), stores it through the token store (encrypted, compare-and-swap), hands it to
/// this process's token provider, and records who connected which OA and what failed last. Scoped.
/// </summary>
public sealed class OaConnector(
    ZaloBotDbContext db,
    ZaloOAuthClient oauth,
    ZaloOaClient api,
    IZaloTokenStore store,
    ZaloAccessTokenProvider provider,
    IOptions<ZaloTokenOptions> tokens,
    TimeProvider time,
    ILogger<OaConnector> logger)
{
    /// <summary>Zalo's access token lifetime (§7.1: 90,000 s = 25 h), assumed for a pair pasted without expires_in.</summary>
    public static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromSeconds(90_000);

    /// <summary>A lost compare-and-swap means someone stored a pair meanwhile; three tries settle any real race.</summary>
    private const int StoreAttempts = 3;

    private string OaId => tokens.Value.OaId;

    public async Task<OaConnectResult> ConnectWithCodeAsync(string code, string codeVerifier, string? callbackOaId, string connectedBy, CancellationToken cancellationToken)
    {
        if (callbackOaId is not null && callbackOaId != OaId)
        {
            return await FailAsync(OaConnectOutcome.WrongOa, $"consent given for OA {callbackOaId}, configured OA is {OaId}", cancellationToken);
        }

        var grant = await oauth.ExchangeCodeAsync(code, codeVerifier, cancellationToken);
        if (!grant.IsSuccess)
        {
            return await FailAsync(OaConnectOutcome.ExchangeFailed, $"code exchange failed: {grant.Error}", cancellationToken);
        }

        return await StoreAsync(grant.Value!.AccessToken, grant.Value.RefreshToken, grant.Value.ExpiresIn, connectedBy, cancellationToken);
    }

    public Task<OaConnectResult> ConnectWithPairAsync(string accessToken, string refreshToken, TimeSpan expiresIn, string connectedBy, CancellationToken cancellationToken) =>
        StoreAsync(accessToken, refreshToken, expiresIn, connectedBy, cancellationToken);

    /// <summary>Calls <c>getoa</c> with the current token (refreshing or adopting a newer one if Zalo rejects it) and records the result.</summary>
    public async Task<ZaloApiResult<ZaloOaInfo>> CheckAsync(CancellationToken cancellationToken)
    {
        var info = await api.GetOaInfoAsync(cancellationToken);
        var record = await RecordAsync(cancellationToken);
        if (info.IsSuccess)
        {
            record.OaName = info.Value!.Name;
        }
        else
        {
            record.LastError = Truncate($"OA check failed: {info.Error}");
            record.LastErrorAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return info;
    }

    public async Task<OaConnectionStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var record = await db.OaConnections.AsNoTracking().SingleOrDefaultAsync(c => c.OaId == OaId, cancellationToken);
        var token = await db.ZaloOaTokens.AsNoTracking()
            .Where(t => t.OaId == OaId)
            .Select(t => new { t.AccessTokenExpiresAt, t.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        var local = provider.Status;
        var (error, errorAt) = local.LastFailureAt is { } failedAt && (record?.LastErrorAt is null || failedAt > record.LastErrorAt)
            ? (local.LastFailure, (DateTimeOffset?)failedAt)
            : (record?.LastError, record?.LastErrorAt);
        return new OaConnectionStatus(
            OaId, record?.OaName, token is not null, token?.AccessTokenExpiresAt, token is not null && token.AccessTokenExpiresAt <= time.GetUtcNow(), token?.UpdatedAt,
            record?.ConnectedAt, record?.ConnectedBy, error, errorAt, local.State);
    }

    /// <summary>Records a failure that happened before the connector was involved (e.g. a refused consent).</summary>
    public Task<OaConnectResult> FailAsync(OaConnectOutcome outcome, string detail, CancellationToken cancellationToken) =>
        RecordFailureAsync(outcome, detail, cancellationToken);

    private async Task<OaConnectResult> StoreAsync(string accessToken, string refreshToken, TimeSpan expiresIn, string connectedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = new ZaloTokenSet(accessToken, refreshToken, now + expiresIn, now);
        var stored = false;
        try
        {
            for (var attempt = 0; attempt < StoreAttempts && !stored; attempt++)
            {
                var current = await store.GetAsync(OaId, cancellationToken);
                stored = await store.TryReplaceAsync(OaId, current?.RefreshToken, next, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            logger.LogError(ex, "The new Zalo token pair for OA {OaId} could not be stored", OaId);
        }

        if (!stored)
        {
            return await RecordFailureAsync(OaConnectOutcome.StoreFailed, "the new token pair could not be stored", cancellationToken);
        }

        provider.Adopt(next);
        logger.LogInformation("Zalo OA {OaId} connected by {ConnectedBy}; access token expires {ExpiresAt}", OaId, connectedBy, next.AccessTokenExpiresAt);
        var record = await RecordAsync(cancellationToken);
        record.ConnectedAt = now;
        record.ConnectedBy = Truncate(connectedBy, 200);
        record.LastError = null;
        record.LastErrorAt = null;
        var info = await api.GetOaInfoAsync(cancellationToken);
        if (info.IsSuccess)
        {
            record.OaName = info.Value!.Name;
        }
        else
        {
            record.LastError = Truncate($"connected, but the OA check failed: {info.Error}");
            record.LastErrorAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return new OaConnectResult(OaConnectOutcome.Connected);
    }

    private async Task<OaConnectResult> RecordFailureAsync(OaConnectOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        logger.LogWarning("Zalo OA {OaId} connection failed ({Outcome}): {Detail}", OaId, outcome, detail);
        var record = await RecordAsync(cancellationToken);
        record.LastError = Truncate(detail);
        record.LastErrorAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new OaConnectResult(outcome, detail);
    }

    private async Task<OaConnectionRecord> RecordAsync(CancellationToken cancellationToken)
    {
        var record = await db.OaConnections.SingleOrDefaultAsync(c => c.OaId == OaId, cancellationToken);
        if (record is null)
        {
            record = new OaConnectionRecord { OaId = OaId };
            db.OaConnections.Add(record);
        }

        return record;
    }

    private static string Truncate(string text, int max = 500) => text.Length <= max ? text : text[..max];
}
