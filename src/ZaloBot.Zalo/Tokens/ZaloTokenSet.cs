namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// The OA token pair as stored. The refresh token is single-use and rotating: the stored value is the only
/// copy of the grant, so it must be persisted before the new access token is used.
/// <see cref="ToString"/> never prints the tokens.
/// </summary>
public sealed record ZaloTokenSet(
    string AccessToken,
    string RefreshToken,
    DateTimeOffset AccessTokenExpiresAt,
    DateTimeOffset IssuedAt)
{
    public override string ToString() =>
        $"ZaloTokenSet {{ IssuedAt = {IssuedAt:O}, AccessTokenExpiresAt = {AccessTokenExpiresAt:O} }}";
}
