using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ZaloBot.Zalo.Fake;
using ZaloBot.Zalo.Tests.Support;

namespace ZaloBot.Zalo.Tests.Fake;

/// <summary>The fake's HTTP control surface (used by the dev console and scripted runs) and its token rotation.</summary>
public sealed class FakeZaloControlEndpointsTests
{
    private FakeZaloHost _fake = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeZaloHost.StartAsync();
        _http = new HttpClient { BaseAddress = _fake.BaseUrl };
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<JsonObject> PostFormAsync(string path, Dictionary<string, string> form, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("secret_key", secret);
        using var response = await _http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> SendTextAsync(string token, string userId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3.0/oa/message/cs")
        {
            Content = JsonContent.Create(new { recipient = new { user_id = userId }, message = new { text } }),
        };
        request.Headers.Add("access_token", token);
        using var response = await _http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Test]
    public async Task ControlEndpoints_IssueTokenSetInteractionSend_ThenMessagesListsIt()
    {
        var tokens = (await (await _http.PostAsync("_control/tokens", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var interaction = await _http.PostAsync("_control/users/U1/last-interaction", null);

        var sent = await SendTextAsync(tokens["access_token"]!.GetValue<string>(), "U1", "Xin chào");
        var messages = (await _http.GetFromJsonAsync<JsonArray>("_control/messages?user_id=U1"))!;

        Assert.That(interaction.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(sent["error"]!.GetValue<int>(), Is.Zero);
        Assert.That(messages.Select(m => m!["text"]!.GetValue<string>()), Is.EqualTo(new[] { "Xin chào" }));
        Assert.That(messages[0]!["messageId"]!.GetValue<string>(), Is.EqualTo(sent["data"]!["message_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task AccessToken_RefreshTokenUsedTwice_SecondUseFailsAndOldAccessTokenDies()
    {
        var initial = _fake.State.IssueTokens();
        _fake.State.EnforceInteractionWindow = false;
        var form = new Dictionary<string, string>
        {
            ["refresh_token"] = initial.RefreshToken, ["app_id"] = _fake.State.Options.AppId, ["grant_type"] = "refresh_token",
        };

        var first = await PostFormAsync("v4/oa/access_token", form, _fake.State.Options.AppSecret);
        var second = await PostFormAsync("v4/oa/access_token", form, _fake.State.Options.AppSecret);
        var withOld = await SendTextAsync(initial.AccessToken, "U1", "x");
        var withNew = await SendTextAsync(first["access_token"]!.GetValue<string>(), "U1", "x");

        Assert.That(first["expires_in"]!.GetValue<string>(), Is.EqualTo("90000"));
        Assert.That(first["refresh_token"]!.GetValue<string>(), Is.Not.EqualTo(initial.RefreshToken));
        Assert.That(second["error"]!.GetValue<int>(), Is.EqualTo(-14014));
        Assert.That(withOld["error"]!.GetValue<int>(), Is.EqualTo(-216));
        Assert.That(withNew["error"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task AccessToken_WrongSecretKeyHeader_IsRejected()
    {
        var initial = _fake.State.IssueTokens();
        var form = new Dictionary<string, string>
        {
            ["refresh_token"] = initial.RefreshToken, ["app_id"] = _fake.State.Options.AppId, ["grant_type"] = "refresh_token",
        };

        var result = await PostFormAsync("v4/oa/access_token", form, "wrong");

        Assert.That(result["error"]!.GetValue<int>(), Is.EqualTo(-14009));
        Assert.That(_fake.State.RefreshCount, Is.Zero);
    }

    [Test]
    public async Task MessageCs_TextOver2000Chars_IsMinus210()
    {
        var token = _fake.State.IssueTokens().AccessToken;
        _fake.State.EnforceInteractionWindow = false;

        var result = await SendTextAsync(token, "U1", new string('a', 2001));

        Assert.That(result["error"]!.GetValue<int>(), Is.EqualTo(-210));
    }

    [Test]
    public async Task ControlFaults_RateLimited_NextCallAnswersMinus32()
    {
        var token = _fake.State.IssueTokens().AccessToken;
        await _http.PostAsync("_control/faults?kind=RateLimited&count=1", null);

        var limited = await SendTextAsync(token, "U1", "x");

        Assert.That(limited["error"]!.GetValue<int>(), Is.EqualTo(-32));
    }

    [Test]
    public async Task ControlReset_AfterMessages_ForgetsEverything()
    {
        _fake.State.EnforceInteractionWindow = false;
        await SendTextAsync(_fake.State.IssueTokens().AccessToken, "U1", "x");

        await _http.PostAsync("_control/reset", null);

        Assert.That(_fake.State.GetAllMessages(), Is.Empty);
        Assert.That(_fake.State.RequestCount("message/cs"), Is.Zero);
        Assert.That(_fake.State.EnforceInteractionWindow, Is.True);
    }
}
