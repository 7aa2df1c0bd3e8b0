using System.Security.Cryptography;

namespace ZaloBot.Web.Console;

/// <summary>
/// The per-response nonce of the console's Content-Security-Policy: of inline scripts only the
/// <c>&lt;script nonce="…"&gt;</c> blocks written by our Razor views run, so an injected script (a citizen's text
/// rendered by mistake) does not.
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
    /// Scripts: files the app serves itself (<c>/console/assets</c>; attachments cannot run as scripts, they are served
    /// with their image/document type and nosniff) and inline blocks carrying the nonce. Styles: the layout's &lt;style&gt; and the views' style attributes, which a nonce
    /// cannot cover ('unsafe-inline' for styles cannot run code). Images: ours, and CCHC post images from the allowed hosts only.
    /// Forms post only to us; no framing; no plugins.
    /// </summary>
    /// <param name="imageSources">Extra img-src sources: the hosts CCHC post images may come from (Cchc:ImageHosts).</param>
    public static string Policy(HttpContext context, string imageSources = "") =>
        $"default-src 'self'; script-src 'self' 'nonce-{For(context)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: {imageSources}".TrimEnd() + "; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
