namespace ZaloBot.Zalo.Tokens;

/// <summary>A snapshot for the health check and the staff console. Contains no secrets.</summary>
public sealed record ZaloTokenStatus(
    ZaloTokenState State,
    DateTimeOffset? AccessTokenExpiresAt,
    DateTimeOffset? LastRefreshAt,
    DateTimeOffset? LastFailureAt,
    string? LastFailure);
