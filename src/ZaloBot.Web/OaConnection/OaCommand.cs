using System.Globalization;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.OaConnection;

/// <summary>
/// Headless set-up of the OA connection (no browser on the server):
/// <list type="bullet">
/// <item><c>oa link --redirect-uri URL</c>: prints the consent link and, on the next line, the PKCE verifier to keep
/// for <c>oa connect --code</c>.</item>
/// <item><c>oa connect --code --verifier V</c>: reads the callback's <c>code</c> from standard input and exchanges it.</item>
/// <item><c>oa connect --pair</c>: reads an access token, a refresh token and optionally <c>expires_in</c> seconds
/// (one per line; e.g. from the API Explorer) from standard input.</item>
/// <item><c>oa status</c>: what the console page shows.</item>
/// </list>
/// Tokens and codes come from standard input, never the command line (shell history, process lists).
/// </summary>
public static class OaCommand
{
    private const string Usage = "usage: oa link --redirect-uri URL | oa connect --code --verifier V (code on stdin) | oa connect --pair (access token, refresh token[, expires_in] on stdin) | oa status";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetRequiredService<OaConnector>();
        switch (args)
        {
            case ["link", "--redirect-uri", var uri] when Uri.TryCreate(uri, UriKind.Absolute, out var redirect):
                var pkce = ZaloPkce.Create();
                var link = scope.ServiceProvider.GetRequiredService<ZaloOAuthClient>().ConsentUrl(redirect, pkce.Challenge, ZaloPkce.NewState());
                await output.WriteLineAsync(link.AbsoluteUri);
                await output.WriteLineAsync(pkce.Verifier);
                return 0;
            case ["connect", "--code", "--verifier", var verifier]:
                var code = (await input.ReadLineAsync())?.Trim();
                if (string.IsNullOrEmpty(code))
                {
                    await output.WriteLineAsync("oa connect: no code on standard input");
                    return 2;
                }

                return await ReportAsync(await connector.ConnectWithCodeAsync(code, verifier, null, "oa connect", CancellationToken.None), output);
            case ["connect", "--pair"]:
                var access = (await input.ReadLineAsync())?.Trim();
                var refresh = (await input.ReadLineAsync())?.Trim();
                var expiresLine = (await input.ReadLineAsync())?.Trim();
                if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
                {
                    await output.WriteLineAsync("oa connect --pair: expected the access token and the refresh token on two lines of standard input");
                    return 2;
                }

                var expiresIn = long.TryParse(expiresLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : OaConnector.DefaultAccessTokenLifetime;
                return await ReportAsync(await connector.ConnectWithPairAsync(access, refresh, expiresIn, "oa connect", CancellationToken.None), output);
            case ["status"]:
                var s = await connector.StatusAsync(CancellationToken.None);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"oa_id={s.OaId} name={s.OaName} connected={s.HasToken} expires={s.AccessTokenExpiresAt:O} last_refresh={s.LastRefreshAt:O} last_error={s.LastError}"));
                return s.HasToken ? 0 : 1;
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ReportAsync(OaConnectResult result, TextWriter output)
    {
        await output.WriteLineAsync(result.IsConnected ? "connected" : $"not connected: {result.Outcome}: {result.Detail}");
        return result.IsConnected ? 0 : 1;
    }
}
