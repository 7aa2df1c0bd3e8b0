using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.ZaloTokens;

/// <summary>
/// The OA token pair in PostgreSQL (<see cref="ZaloOaToken"/>), both tokens encrypted with ASP.NET Core Data
/// Protection (purpose "ZaloBot.ZaloOaToken.v1"). Compare-and-swap: the row is replaced only if its refresh token still
/// equals the expected one, and the update carries the row's xmin, so a concurrent writer makes it fail (false).
/// Singleton; each call uses its own DbContext.
/// </summary>
public sealed class PostgresZaloTokenStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    ILogger<PostgresZaloTokenStore> logger) : IZaloTokenStore
{
    /// <summary>Zalo refresh tokens live 3 months.</summary>
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("ZaloBot.ZaloOaToken.v1");

    public async Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var row = await db.ZaloOaTokens.AsNoTracking().FirstOrDefaultAsync(t => t.OaId == oaId, cancellationToken);
        return row is null ? null : Decrypt(row);
    }

    public async Task<bool> TryReplaceAsync(string oaId, string? expectedRefreshToken, ZaloTokenSet next, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var row = await db.ZaloOaTokens.FirstOrDefaultAsync(t => t.OaId == oaId, cancellationToken);
        if (row is null)
        {
            if (expectedRefreshToken is not null)
            {
                return false;
            }

            db.ZaloOaTokens.Add(new ZaloOaToken
            {
                OaId = oaId,
                AccessTokenCipher = _protector.Protect(next.AccessToken),
                RefreshTokenCipher = _protector.Protect(next.RefreshToken),
                AccessTokenExpiresAt = next.AccessTokenExpiresAt,
                RefreshTokenExpiresAt = next.IssuedAt + RefreshTokenLifetime,
                UpdatedAt = next.IssuedAt,
            });
        }
        else
        {
            if (expectedRefreshToken is null || Decrypt(row).RefreshToken != expectedRefreshToken)
            {
                return false;
            }

            // The previous pair is not kept in the row; its expiry and update time go to the log for forensics (no secrets).
            logger.LogInformation("Replacing Zalo token pair for OA {OaId} (previous issued {UpdatedAt}, expired {ExpiresAt})", oaId, row.UpdatedAt, row.AccessTokenExpiresAt);
            row.AccessTokenCipher = _protector.Protect(next.AccessToken);
            row.RefreshTokenCipher = _protector.Protect(next.RefreshToken);
            row.AccessTokenExpiresAt = next.AccessTokenExpiresAt;
            row.RefreshTokenExpiresAt = next.IssuedAt + RefreshTokenLifetime;
            row.UpdatedAt = next.IssuedAt;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException (xmin changed) or a unique violation (two first inserts).
            return false;
        }
    }

    private ZaloTokenSet Decrypt(ZaloOaToken row) => new(
        _protector.Unprotect(row.AccessTokenCipher),
        _protector.Unprotect(row.RefreshTokenCipher),
        row.AccessTokenExpiresAt,
        row.UpdatedAt);
}
