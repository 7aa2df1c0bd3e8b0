using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.OaConnection;

/// <summary>
/// What the "Kết nối Zalo OA" page shows. Stored facts (PostgreSQL: every pod sees the same) plus this process's
/// token state (<see cref="ZaloAccessTokenProvider.Status"/>: the last refresh failure seen here).
/// </summary>
public sealed record OaConnectionStatus(
    string OaId,
    string? OaName,
    bool HasToken,
    DateTimeOffset? AccessTokenExpiresAt,
    bool AccessTokenExpired,
    DateTimeOffset? LastRefreshAt,
    DateTimeOffset? ConnectedAt,
    string? ConnectedBy,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    ZaloTokenState TokenState);
