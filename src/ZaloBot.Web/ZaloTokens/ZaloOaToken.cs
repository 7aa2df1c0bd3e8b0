using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.ZaloTokens;

/// <summary>The OA access/refresh token pair, encrypted at rest. Refresh tokens are single-use, so the new pair is saved before use.</summary>
public sealed class ZaloOaToken
{
    [MaxLength(64)]
    public required string OaId { get; set; }

    public required string AccessTokenCipher { get; set; }

    public required string RefreshTokenCipher { get; set; }

    public DateTimeOffset AccessTokenExpiresAt { get; set; }

    public DateTimeOffset RefreshTokenExpiresAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
