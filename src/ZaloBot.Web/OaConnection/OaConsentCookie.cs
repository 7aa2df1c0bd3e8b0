using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using ZaloBot.Web.Staff;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.OaConnection;

/// <summary>
/// Carries the consent's <c>state</c> and PKCE verifier from "Kết nối" to the callback in a cookie encrypted with the
/// shared key ring, so the callback may land on any pod. SameSite=Lax because Zalo sends the admin back with a
/// cross-site top-level navigation (a Strict cookie would be withheld); HttpOnly; valid 10 minutes, the lifetime of
/// Zalo's authorization code; read once.
/// </summary>
public sealed class OaConsentCookie(IDataProtectionProvider dataProtection, IHostEnvironment environment, TimeProvider time)
{
    public const string CookieName = "zalobot.oa-consent";

    public const string CookiePath = "/console/oa";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("ZaloBot.OaConsent.v1").ToTimeLimitedDataProtector();

    /// <summary>Starts a consent: a new verifier and state, remembered in the cookie; returns what the consent link needs.</summary>
    public (ZaloPkce Pkce, string State) Begin(HttpContext context, Uri redirectUri, string startedBy)
    {
        var pkce = ZaloPkce.Create();
        var state = ZaloPkce.NewState();
        var payload = JsonSerializer.Serialize(new OaConsentState(state, pkce.Verifier, redirectUri.AbsoluteUri, startedBy));
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload, time.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = StaffConfiguration.CookieSecurity(environment) == CookieSecurePolicy.Always || context.Request.IsHttps,
            Path = CookiePath,
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return (pkce, state);
    }

    /// <summary>The consent begun in this browser whose state equals <paramref name="state"/>, or null. Deletes the cookie.</summary>
    public OaConsentState? Take(HttpContext context, string? state)
    {
        var cookie = context.Request.Cookies[CookieName];
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(state))
        {
            return null;
        }

        OaConsentState? consent;
        try
        {
            consent = JsonSerializer.Deserialize<OaConsentState>(_protector.Unprotect(cookie, out _));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }

        return consent is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(consent.State), System.Text.Encoding.UTF8.GetBytes(state))
            ? consent
            : null;
    }
}
