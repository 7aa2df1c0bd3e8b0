using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// Typed client for OAuth v4: the consent link, and <c>POST {oauth}/v4/oa/access_token</c> (refresh, or the
/// first code exchange with PKCE); header <c>secret_key: &lt;App Secret&gt;</c>. Each success spends the refresh
/// token or the code. Errors come as <c>{ error, error_name, error_description }</c>; none of them is documented as
/// "refresh token already used", so every failure but -32 is reported as permanent.
/// </summary>
public sealed class ZaloOAuthClient(
    IHttpClientFactory httpClientFactory,
    IOptions<ZaloTokenOptions> options,
    IOptions<ZaloApiOptions> api)
{
    /// <summary>The named <see cref="HttpClient"/> (base address = <c>Zalo:Api:OAuthBaseUrl</c>, pipeline <c>zalo-oauth</c>).</summary>
    public const string HttpClientName = "ZaloBot.Zalo.OAuth";

    private readonly ZaloTokenOptions _options = options.Value;

    /// <summary>
    /// The OAuth v4 consent link an OA admin opens: <c>{oauth}/v4/oa/permission?app_id&amp;redirect_uri&amp;code_challenge&amp;state</c>
    /// (<c>../shared/zalo-oa-api.md</c> §7.2). <paramref name="redirectUri"/> must equal the callback URL registered
    /// for the app in developers.zalo.me, or Zalo answers -14003.
    /// </summary>
    public Uri ConsentUrl(Uri redirectUri, string codeChallenge, string state)
    {
        var query = string.Join('&',
            "app_id=" + Uri.EscapeDataString(_options.AppId),
            "redirect_uri=" + Uri.EscapeDataString(redirectUri.AbsoluteUri),
            "code_challenge=" + Uri.EscapeDataString(codeChallenge),
            "state=" + Uri.EscapeDataString(state));
        return new Uri(api.Value.OAuthBaseUrl, "v4/oa/permission?" + query);
    }

    /// <summary>Refresh: form <c>refresh_token</c>, <c>app_id</c>, <c>grant_type=refresh_token</c>. Spends the refresh token.</summary>
    public Task<ZaloApiResult<ZaloTokenGrant>> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(new Dictionary<string, string>
        {
            ["refresh_token"] = refreshToken,
            ["app_id"] = _options.AppId,
            ["grant_type"] = "refresh_token",
        }, cancellationToken);

    /// <summary>
    /// First authorisation: the callback's <c>code</c> (valid 10 min, single-use) and the PKCE verifier whose S256
    /// challenge was in the consent link: form <c>code</c>, <c>app_id</c>, <c>grant_type=authorization_code</c>,
    /// <c>code_verifier</c>.
    /// </summary>
    public Task<ZaloApiResult<ZaloTokenGrant>> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken) =>
        PostAsync(new Dictionary<string, string>
        {
            ["code"] = code,
            ["app_id"] = _options.AppId,
            ["grant_type"] = "authorization_code",
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    private async Task<ZaloApiResult<ZaloTokenGrant>> PostAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v4/oa/access_token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.TryAddWithoutValidation("secret_key", _options.AppSecret);
        request.Options.Set(ZaloResiliencePipeline.SafetyKey, ZaloRequestSafety.AtMostOnce);

        try
        {
            var http = httpClientFactory.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Parse(body, (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or HttpRequestException)
        {
            // The request may have reached Zalo and spent the (single-use) refresh token or code: not retried, reported.
            return ZaloApiResult<ZaloTokenGrant>.Failure(new ZaloError(
                ZaloErrorCategory.Retryable, null,
                $"token request outcome unknown ({ex.GetType().Name}); the refresh token or code may have been spent",
                MayHaveBeenDelivered: true));
        }
    }

    internal static ZaloApiResult<ZaloTokenGrant> Parse(byte[] body, int status)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ZaloApiResult<ZaloTokenGrant>.Failure(new ZaloError(
                ZaloErrorClassifier.ClassifyHttpStatus(status), null, $"HTTP {status} without JSON", status));
        }

        var access = ZaloEnvelope.ReadString(root, "access_token");
        var refresh = ZaloEnvelope.ReadString(root, "refresh_token");
        var expiresIn = ZaloEnvelope.ReadString(root, "expires_in");
        if (!string.IsNullOrEmpty(access) && !string.IsNullOrEmpty(refresh)
            && long.TryParse(expiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return ZaloApiResult<ZaloTokenGrant>.Success(new ZaloTokenGrant(access, refresh, TimeSpan.FromSeconds(seconds)));
        }

        var code = ZaloEnvelope.ReadErrorCode(root);
        var message = ZaloEnvelope.ReadString(root, "error_description")
            ?? ZaloEnvelope.ReadString(root, "error_name")
            ?? ZaloEnvelope.ReadString(root, "message")
            ?? "token response without access_token/refresh_token/expires_in";
        var category = code == ZaloErrorClassifier.RateLimited ? ZaloErrorCategory.Retryable : ZaloErrorCategory.Permanent;
        return ZaloApiResult<ZaloTokenGrant>.Failure(new ZaloError(category, code, message, status));
    }
}
