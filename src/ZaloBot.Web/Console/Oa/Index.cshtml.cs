using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Staff;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Console.Oa;

/// <summary>
/// "Kết nối Zalo OA" (Admin): the connection state (OA name and id, access token expiry, last refresh, last error),
/// "Kết nối" / "Kết nối lại" (OAuth v4 consent with PKCE S256 and state) and "Kiểm tra kết nối" (getoa with the
/// current token). The consent starts with a GET link, not a form: the console's CSP allows forms to post only to
/// us, and a browser applies that to the redirect to Zalo as well.
/// </summary>
public sealed class IndexModel(OaConnector connector, OaConsentCookie consent, ZaloOAuthClient oauth, ConsoleTexts texts) : PageModel
{
    public const string CallbackPath = "/console/oa/callback";

    public OaConnectionStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await connector.StatusAsync(cancellationToken);

    public IActionResult OnGetConnect()
    {
        // Behind the proxy, scheme and host come from the forwarded headers and AllowedHosts (Hosting/EdgeConfiguration),
        // so this is the public URL that must be registered as the app's callback in developers.zalo.me.
        var redirect = new Uri($"{Request.Scheme}://{Request.Host}{CallbackPath}");
        var (pkce, state) = consent.Begin(HttpContext, redirect, StaffActor.From(User).Name);
        return Redirect(oauth.ConsentUrl(redirect, pkce.Challenge, state).AbsoluteUri);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        var info = await connector.CheckAsync(cancellationToken);
        TempData["Flash"] = info.IsSuccess ? ConsoleTexts.Fill(texts.OaCheckOk, ("name", info.Value!.Name), ("oa_id", info.Value.OaId)) : null;
        TempData["FlashError"] = info.IsSuccess ? null : texts.OaCheckFailed;
        return RedirectToPage();
    }
}
