using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Web.OaConnection;

namespace ZaloBot.Web.Console.Oa;

/// <summary>
/// Zalo's redirect after the consent: <c>?code=…&amp;oa_id=…&amp;state=…</c> (§7.2). Anonymous (see
/// ConsoleConfiguration); only a browser holding the consent cookie of an Admin, with the matching state, gets the
/// code exchanged. The code is single-use and valid 10 minutes.
/// </summary>
public sealed class CallbackModel(OaConnector connector, OaConsentCookie consent) : PageModel
{
    public OaConnectResult Result { get; private set; } = null!;

    public async Task OnGetAsync(string? code, string? oa_id, string? state, CancellationToken cancellationToken)
    {
        var started = consent.Take(HttpContext, state);
        if (started is null || string.IsNullOrEmpty(code))
        {
            Result = await connector.FailAsync(OaConnectOutcome.InvalidState,
                string.IsNullOrEmpty(code) ? "callback without code (consent refused?)" : "consent state missing, expired or not matching", cancellationToken);
        }
        else
        {
            Result = await connector.ConnectWithCodeAsync(code, started.Verifier, oa_id, started.StartedBy, cancellationToken);
        }

        if (!Result.IsConnected)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
