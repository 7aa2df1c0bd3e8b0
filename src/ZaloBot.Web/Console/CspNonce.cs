using System.Security.Cryptography;

namespace ZaloBot.Web.Console;

/// <summary>
/// The per-response nonce of the console's Content-Security-Policy: only <c>&lt;script nonce="…"&gt;</c> blocks
/// written by our Razor views run, so an injected script (a citizen's text rendered by mistake) does not.
/// </summary>
public static class CspNonce
{
    private const string ItemKey = "zalobot.csp-nonce";

    /// <summary>128 bits, base64: the CSP spec asks for at least 128 bits of entropy, freshly generated per response.</summary>
    public static string For(HttpContext context)
    {
        if (context.Items[ItemKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[ItemKey] = nonce;
        }

        return nonce;
    }

    /// <summary>
    /// Scripts: ours (nonce) only. Styles: the layout's &lt;style&gt; and the views' style attributes, which a nonce
    /// cannot cover ('unsafe-inline' for styles cannot run code). Forms post only to us; no framing; no plugins.
    /// </summary>
    public static string Policy(HttpContext context) =>
        $"default-src 'self'; script-src 'nonce-{For(context)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
