using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Tests.Production;

/// <summary>
/// Issue 9's "done means": the shipped configuration, in Production, behind a TLS proxy, with several pods, works
/// end to end — sign-in and forms across pods, the OA connected through the consent page, a webhook event answered,
/// a staff reply delivered, one token refresh shared by every process, and a Redis outage survived with every
/// accepted event answered exactly once. One scenario in steps (each builds on the previous), bounded to 3 minutes.
/// </summary>
[NonParallelizable]
public sealed partial class ProductionTopologyTests
{
    /// <summary>Replies go through the worker's outbox; 30 s is generous for one turn and one send on a busy machine.</summary>
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Production_TwoWebPodsOneWorkerBehindNginx_ServesTheOfficeEndToEnd()
    {
        var clock = Stopwatch.StartNew();
        await using var topology = await ProductionTopology.StartAsync();
        try
        {
            await RunScenarioAsync(topology, clock);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TestContext.Progress.WriteLine(topology.Logs());
            throw;
        }

        TestContext.Progress.WriteLine($"[topology] scenario done in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task RunScenarioAsync(ProductionTopology topology, Stopwatch clock)
    {
        void Step(string what) => TestContext.Progress.WriteLine($"[topology] {clock.Elapsed.TotalSeconds,5:0.0} s  {what}");
        using var admin = topology.CreateClient();
        // The OA admin's browser on Zalo's side: redirects are looked at, not followed.
        using var fake = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = topology.FakeZalo };

        // 1. Sign in: the form comes from one pod, the post lands on the other (anti-forgery and cookie cross pods).
        var (signInToken, formPod, _) = await FormAsync(admin, "console/sign-in");
        using var signIn = await admin.PostAsync("console/sign-in", Form(("email", ProductionTopology.AdminEmail), ("password", ProductionTopology.AdminPassword), ("__RequestVerificationToken", signInToken)));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await signIn.Content.ReadAsStringAsync());
        Assert.That(Pod(signIn), Is.Not.EqualTo(formPod), "nginx should alternate the two web pods");
        using (var console = await admin.GetAsync("console/oa"))
        {
            Assert.That(console.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(console.Headers.GetValues("Strict-Transport-Security").Single(), Does.Contain("max-age=31536000"));
            Assert.That(console.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self' 'nonce-"));
            Assert.That(console.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        }

        Step($"signed in: form from {formPod}, post on {Pod(signIn)}");

        // 2. Connect the OA through the consent page (OAuth v4, PKCE S256, state), as an admin would.
        using var connect = await admin.GetAsync("console/oa?handler=connect");
        Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var consent = connect.Headers.Location!;
        Assert.That(consent.AbsoluteUri, Does.StartWith(topology.FakeZalo.AbsoluteUri + "v4/oa/permission?"));
        var query = System.Web.HttpUtility.ParseQueryString(consent.Query);
        Assert.That(query["redirect_uri"], Is.EqualTo(new Uri(topology.BaseAddress, "console/oa/callback").AbsoluteUri), "the callback must be the public https URL");
        Assert.That(query["code_challenge"], Has.Length.EqualTo(43));
        Assert.That(query["state"], Is.Not.Empty);
        var page = await fake.GetStringAsync(consent);
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var allow = await fake.PostAsync("v4/oa/permission", new FormUrlEncodedContent(fields));
        Assert.That(allow.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var callback = await admin.GetAsync(allow.Headers.Location!.PathAndQuery.TrimStart('/'));
        var callbackHtml = await callback.Content.ReadAsStringAsync();
        Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.OK), callbackHtml);
        Assert.That(callbackHtml, Does.Contain("data-outcome=\"Connected\"").And.Contain("Đã kết nối OA thành công"));
        var oaPage = Card(await admin.GetStringAsync("console/oa"));
        Assert.That(oaPage, Does.Contain("<td id=\"oa-name\">Quận 3 trực tuyến (thử nghiệm)</td>"));
        Assert.That(oaPage, Does.Contain($"<td id=\"oa-id\">{ProductionTopology.OaId}</td>"));
        Assert.That(oaPage, Does.Contain("<td id=\"oa-state\">Đang hoạt động</td>"));
        Assert.That(oaPage, Does.Contain("<td id=\"oa-error\">(không có)</td>"));
        Step($"OA connected (consent link from {Pod(connect)}, callback on {Pod(callback)})");

        // 3. A signed webhook event through the proxy gets the bot's reply at the fake Zalo.
        using var webhook = topology.CreateClient();
        Assert.That((await PostEventAsync(webhook, "u-first", "xin chào")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var replyParts = (await WaitForMessagesAsync(fake, "u-first", atLeast: 1)).Count;
        Step($"webhook event answered with {replyParts} message(s)");

        // 4. A staff reply from the console (form on one pod, post on the other) reaches the citizen.
        var ticketId = await CreateTicketAsync(topology, "u-staff");
        var (replyToken, replyFormPod, ticketHtml) = await FormAsync(admin, $"console/tickets/{ticketId}");
        var version = ReplyField(ticketHtml, "version");
        var replyKey = ReplyField(ticketHtml, "replyKey");
        const string staffText = "Phòng Quản lý đô thị đã tiếp nhận và sẽ xử lý trong tuần này.";
        using var reply = await admin.PostAsync($"console/tickets/{ticketId}?handler=Reply",
            Form(("version", version), ("replyKey", replyKey), ("text", staffText), ("__RequestVerificationToken", replyToken)));
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await reply.Content.ReadAsStringAsync());
        var staffMessages = await WaitForMessagesAsync(fake, "u-staff", atLeast: 1, text: staffText);
        Assert.That(staffMessages.Count(m => m.GetProperty("text").GetString()!.Contains(staffText, StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(Pod(reply), Is.Not.EqualTo(replyFormPod));
        Step($"staff reply delivered (form from {replyFormPod}, post on {Pod(reply)})");

        // 5. Zalo expires the access token: the worker refreshes once; both web pods then use the new pair.
        Assert.That((await fake.PostAsync("_control/expire-token", null)).IsSuccessStatusCode, Is.True);
        Assert.That((await PostEventAsync(webhook, "u-refresh", "xin chào")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await WaitForMessagesAsync(fake, "u-refresh", atLeast: replyParts), Has.Count.EqualTo(replyParts));
        var checkedOn = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (checkToken, _, _) = await FormAsync(admin, "console/oa");
            using var check = await admin.PostAsync("console/oa?handler=Check", Form(("__RequestVerificationToken", checkToken)));
            Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            checkedOn.Add(Pod(check));
            var after = await admin.GetStringAsync("console/oa");
            Assert.That(after, Does.Contain("Kết nối hoạt động: Quận 3 trực tuyến (thử nghiệm)"), $"check on {Pod(check)} failed");
        }

        var stats = await fake.GetFromJsonAsync<JsonElement>("_control/stats");
        Assert.That(stats.GetProperty("refresh_count").GetInt32(), Is.EqualTo(1), "exactly one process refreshes the single-use refresh token");
        Assert.That(stats.GetProperty("code_exchange_count").GetInt32(), Is.EqualTo(1));
        Assert.That(checkedOn.Distinct().Count(), Is.EqualTo(2), "both web pods checked the connection");
        Step($"token refreshed once (by the worker), used by {string.Join(" and ", checkedOn)}");

        // 6. Redis stops: the webhook still answers 200 through the proxy and every pod stays ready.
        await topology.StopRedisAsync();
        var outageUsers = Enumerable.Range(1, 4).Select(i => $"u-outage-{i}").ToList();
        foreach (var user in outageUsers)
        {
            using var accepted = await PostEventAsync(webhook, user, "xin chào");
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"event of {user} during the outage");
        }

        foreach (var (name, address) in topology.Pods)
        {
            using var direct = topology.CreateDirectClient(address);
            using var ready = await direct.GetAsync("health/ready");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name} during the outage: {await ready.Content.ReadAsStringAsync()}");
        }

        Step($"Redis down: {outageUsers.Count} events accepted, {topology.Pods.Count} pods ready");

        // 7. Redis is back: every event accepted during the outage is answered, exactly once.
        await topology.StartRedisAsync();
        foreach (var user in outageUsers)
        {
            await WaitForMessagesAsync(fake, user, atLeast: replyParts);
        }

        // Long enough for a duplicate (a re-forwarded inbox row, a redelivered stream entry) to have been sent.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var user in outageUsers)
        {
            var messages = await MessagesAsync(fake, user);
            Assert.That(messages, Has.Count.EqualTo(replyParts), $"{user} should get the reply exactly once");
        }

        Step("Redis back: every accepted event answered exactly once");
    }

    private static async Task<long> CreateTicketAsync(ProductionTopology topology, string zaloUserId)
    {
        // Set-up, as the bot's intake would do it: the service's own TicketIntakeDesk on the same database (not started).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(ZaloBotHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = topology.Database.ConnectionString,
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
        });
        await using var app = ZaloBotHost.Build(builder);
        await using var scope = app.Services.CreateAsyncScope();
        var intake = await scope.ServiceProvider.GetRequiredService<TicketIntakeDesk>().CreateAsync(
            new TicketRequest("msg-" + Guid.NewGuid().ToString("N"), zaloUserId, "trat-tu-do-thi", "Vỉa hè bị lấn chiếm trước chợ Bàn Cờ", "phuong-1"),
            CancellationToken.None);
        return intake.TicketId;
    }

    private static async Task<HttpResponseMessage> PostEventAsync(HttpClient client, string userId, string text)
    {
        // ZaloEvents signs as the fake's default app, which is the topology's app too.
        var body = ZaloEvents.UserText(userId, "msg-" + Guid.NewGuid().ToString("N"), text, oaId: ProductionTopology.OaId);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/zalo") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(ProductionTopology.AppId, bytes, ProductionTopology.OaSecretKey));
        return await client.SendAsync(request);
    }

    private static async Task<List<JsonElement>> MessagesAsync(HttpClient fake, string userId) =>
        [.. (await fake.GetFromJsonAsync<JsonElement>($"_control/messages?user_id={userId}")).EnumerateArray()];

    private static async Task<List<JsonElement>> WaitForMessagesAsync(HttpClient fake, string userId, int atLeast, string? text = null)
    {
        var clock = Stopwatch.StartNew();
        List<JsonElement> messages = [];
        while (clock.Elapsed < ReplyTimeout)
        {
            messages = await MessagesAsync(fake, userId);
            var matching = text is null ? messages.Count : messages.Count(m => m.GetProperty("text").GetString()?.Contains(text, StringComparison.Ordinal) == true);
            if (matching >= atLeast)
            {
                return messages;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Fail($"no reply for {userId} within {ReplyTimeout} (got {messages.Count} message(s))");
        return messages;
    }

    private static async Task<(string Token, string Pod, string Html)> FormAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {html}");
        var match = TokenField().Match(html);
        Assert.That(match.Success, Is.True, $"no anti-forgery token on {path}");
        return (WebUtility.HtmlDecode(match.Groups[1].Value), Pod(response), html);
    }

    private static string ReplyField(string html, string name)
    {
        var form = html[html.IndexOf("id=\"reply-form\"", StringComparison.Ordinal)..];
        var match = Regex.Match(form, $"name=\"{name}\" value=\"([^\"]*)\"");
        Assert.That(match.Success, Is.True, $"no {name} in the reply form");
        return match.Groups[1].Value;
    }

    /// <summary>The connection card of the "Kết nối Zalo OA" page (failure messages stay short).</summary>
    private static string Card(string html)
    {
        var start = html.IndexOf("<div class=\"card\" id=\"oa-connection\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "no connection card on the page");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static string Pod(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? values.Single() : "(unknown)";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
