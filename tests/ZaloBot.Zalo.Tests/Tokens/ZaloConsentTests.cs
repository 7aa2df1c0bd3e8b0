using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tests.Support;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Tokens;

/// <summary>OAuth v4 first authorisation (§7.2): consent link with PKCE S256 and state, the fake's consent page, code exchange.</summary>
public sealed partial class ZaloConsentTests
{
    private static readonly Uri Callback = new("https://zalobot.example.vn/console/oa/callback");

    /// <summary>The example of RFC 7636, appendix B.</summary>
    [Test]
    public void ChallengeOf_RfcExample_IsItsS256Challenge() =>
        Assert.That(ZaloPkce.ChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), Is.EqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));

    [Test]
    public void Create_Verifier_Is43UrlSafeCharactersAndFresh()
    {
        var (a, b) = (ZaloPkce.Create(), ZaloPkce.Create());

        Assert.That(a.Verifier, Does.Match("^[A-Za-z0-9_-]{43}$"));
        Assert.That(a.Verifier, Is.Not.EqualTo(b.Verifier));
        Assert.That(a.Challenge, Is.EqualTo(ZaloPkce.ChallengeOf(a.Verifier)));
        Assert.That(a.ToString(), Does.Not.Contain(a.Verifier));
    }

    [Test]
    public async Task ConsentUrl_CarriesAppRedirectChallengeAndState()
    {
        await using var fake = await FakeZaloHost.StartAsync();
        await using var harness = ZaloClientHarness.Create(fake, seedTokens: false);

        var url = harness.Services.GetRequiredService<ZaloOAuthClient>().ConsentUrl(Callback, "challenge-1", "state-1");

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo(fake.BaseUrl + "v4/oa/permission"));
        Assert.That(query["app_id"], Is.EqualTo(fake.State.Options.AppId));
        Assert.That(query["redirect_uri"], Is.EqualTo(Callback.AbsoluteUri));
        Assert.That(query["code_challenge"], Is.EqualTo("challenge-1"));
        Assert.That(query["state"], Is.EqualTo("state-1"));
    }

    [Test]
    public async Task Consent_AllowedThenExchangedWithTheVerifier_GivesAWorkingPairOnce()
    {
        await using var fake = await FakeZaloHost.StartAsync();
        await using var harness = ZaloClientHarness.Create(fake, seedTokens: false);
        var oauth = harness.Services.GetRequiredService<ZaloOAuthClient>();
        var pkce = ZaloPkce.Create();

        var (code, oaId, state) = await ConsentAsync(oauth.ConsentUrl(Callback, pkce.Challenge, "s-42"));
        var grant = await oauth.ExchangeCodeAsync(code, pkce.Verifier, CancellationToken.None);
        var again = await oauth.ExchangeCodeAsync(code, pkce.Verifier, CancellationToken.None);

        Assert.That((oaId, state), Is.EqualTo((fake.State.Options.OaId, "s-42")));
        Assert.That(grant.IsSuccess, Is.True, grant.Error?.ToString());
        Assert.That(grant.Value!.ExpiresIn, Is.EqualTo(fake.State.Options.AccessTokenLifetime));
        Assert.That(again.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Permanent, -14019, "code is invalid or already used", 200)));
        await harness.Store.TryReplaceAsync(fake.State.Options.OaId, null,
            new ZaloTokenSet(grant.Value.AccessToken, grant.Value.RefreshToken, DateTimeOffset.MaxValue.AddDays(-1), DateTimeOffset.UnixEpoch), CancellationToken.None);
        var info = await harness.Client.GetOaInfoAsync();
        Assert.That(info.Value, Is.EqualTo(new ZaloOaInfo(fake.State.Options.OaId, fake.State.Options.OaName)));
    }

    [Test]
    public async Task Exchange_WrongVerifier_IsRefusedAndSpendsNothing()
    {
        await using var fake = await FakeZaloHost.StartAsync();
        await using var harness = ZaloClientHarness.Create(fake, seedTokens: false);
        var oauth = harness.Services.GetRequiredService<ZaloOAuthClient>();
        var pkce = ZaloPkce.Create();

        var (code, _, _) = await ConsentAsync(oauth.ConsentUrl(Callback, pkce.Challenge, "s"));
        var stolen = await oauth.ExchangeCodeAsync(code, ZaloPkce.Create().Verifier, CancellationToken.None);

        Assert.That(stolen.Error?.Code, Is.EqualTo(-14019));
        Assert.That(stolen.Error?.Message, Is.EqualTo("code_verifier does not match code_challenge"));
        Assert.That(fake.State.CodeExchangeCount, Is.Zero);
    }

    /// <summary>What the OA admin's browser does: open the link, press "Allow", follow Zalo's redirect (not followed here).</summary>
    private static async Task<(string Code, string OaId, string State)> ConsentAsync(Uri consentUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(consentUrl);
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var allowed = await browser.PostAsync(new Uri(consentUrl, "permission"), new FormUrlEncodedContent(fields));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var back = allowed.Headers.Location!;
        Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo(Callback.AbsoluteUri));
        var query = HttpUtility.ParseQueryString(back.Query);
        return (query["code"]!, query["oa_id"]!, query["state"]!);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
