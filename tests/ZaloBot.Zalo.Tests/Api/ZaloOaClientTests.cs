using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Fake;
using ZaloBot.Zalo.Tests.Support;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Api;

/// <summary>The client, wired by AddZaloChannel, against the fake Zalo API on Kestrel (127.0.0.1, random port).</summary>
public sealed class ZaloOaClientTests
{
    private const string User = "2468458835296197922";

    private FakeTimeProvider _time = null!;
    private FakeZaloHost _fake = null!;
    private ZaloClientHarness _harness = null!;

    private FakeZaloState Zalo => _fake.State;

    /// <summary>A bound on real waiting that only a real failure reaches, even at a load average of 50.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [SetUp]
    public async Task SetUp()
    {
        _time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        _fake = await FakeZaloHost.StartAsync(_time);
        _harness = ZaloClientHarness.Create(_fake);
        Zalo.SetLastInteraction(User, _time.GetUtcNow().AddMinutes(-5));
    }

    /// <summary>Waits (real time, <see cref="Generous"/>) until the fake has received <paramref name="count"/> calls of the endpoint.</summary>
    private async Task ReachedZaloAsync(string endpoint, int count, Task call)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Zalo.RequestCount(endpoint) < count)
        {
            Assert.That(call.IsCompleted, Is.False, $"the call ended before its attempt {count} reached Zalo");
            Assert.That(TimeProvider.System.GetElapsedTime(started), Is.LessThan(Generous), $"attempt {count} never reached Zalo");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        await _harness.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task SendTextAsync_ShortText_ReturnsZaloMessageIdAndIsRecorded()
    {
        var result = await _harness.Client.SendTextAsync(User, "Dạ, phường đã nhận phản ánh của anh/chị.");

        var recorded = Zalo.GetMessages(User);
        Assert.That(result.IsSuccess, Is.True);
        Assert.That(recorded.Select(m => (m.MessageId, m.Kind, m.Text)),
            Is.EqualTo(new[] { (result.MessageIds[0], "text", (string?)"Dạ, phường đã nhận phản ánh của anh/chị.") }));
    }

    [Test]
    public async Task SendTextAsync_LongText_SplitsOnParagraphsIntoMessagesUnderLimit()
    {
        var paragraphs = new[] { new string('a', 1500), new string('b', 1500), new string('c', 1500) };

        var result = await _harness.Client.SendTextAsync(User, string.Join("\n\n", paragraphs), quoteMessageId: "q1");

        var recorded = Zalo.GetMessages(User);
        Assert.That(result.PartCount, Is.EqualTo(3));
        Assert.That(recorded.Select(m => m.Text), Is.EqualTo(paragraphs));
        Assert.That(recorded.Select(m => m.MessageId), Is.EqualTo(result.MessageIds));
        Assert.That(recorded.Select(m => m.QuoteMessageId), Is.EqualTo(new[] { "q1", null, null }));
    }

    [Test]
    public async Task SendTextWithButtonsAsync_FiveButtons_RecordsEveryButton()
    {
        ZaloButton[] buttons =
        [
            ZaloButton.QueryShow("Hỏi thủ tục", "#thu_tuc"),
            ZaloButton.QueryHide("Phản ánh", "#phan_anh"),
            ZaloButton.OpenUrl("Cổng DVC", new Uri("https://dichvucong.gov.vn/")),
            ZaloButton.OpenPhone("Gọi phường", "842839300000"),
            ZaloButton.QueryHide("Khác", "#khac"),
        ];

        var result = await _harness.Client.SendTextWithButtonsAsync(User, "Anh/chị cần gì ạ?", buttons);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Zalo.GetMessages(User).Single().Buttons, Is.EqualTo(new[]
        {
            new FakeZaloButton("Hỏi thủ tục", "oa.query.show", "\"#thu_tuc\""),
            new FakeZaloButton("Phản ánh", "oa.query.hide", "\"#phan_anh\""),
            new FakeZaloButton("Cổng DVC", "oa.open.url", """{"url":"https://dichvucong.gov.vn/"}"""),
            new FakeZaloButton("Gọi phường", "oa.open.phone", """{"phone_code":"842839300000"}"""),
            new FakeZaloButton("Khác", "oa.query.hide", "\"#khac\""),
        }));
    }

    [Test]
    public void SendTextWithButtonsAsync_SixButtons_ThrowsWithoutCallingZalo()
    {
        var buttons = Enumerable.Range(0, 6).Select(i => ZaloButton.QueryHide("b" + i, "p" + i)).ToList();

        Assert.That(() => _harness.Client.SendTextWithButtonsAsync(User, "x", buttons), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(Zalo.RequestCount("message/cs"), Is.Zero);
    }

    [Test]
    public async Task FakeMessageCs_SixButtonsPostedRaw_AnswersMinus210WithHttp200()
    {
        var token = (await _harness.Tokens.GetAccessTokenAsync(CancellationToken.None))!;
        var buttons = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject { ["title"] = "b", ["type"] = "oa.query.hide", ["payload"] = "p" })]);
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["user_id"] = User },
            ["message"] = new JsonObject { ["text"] = "x", ["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["buttons"] = buttons } } },
        };
        using var http = new HttpClient { BaseAddress = _fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3.0/oa/message/cs") { Content = JsonContent.Create(body) };
        request.Headers.Add("access_token", token);

        using var response = await http.SendAsync(request);
        var envelope = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(envelope!["error"]!.GetValue<int>(), Is.EqualTo(-210));
        Assert.That(envelope.ContainsKey("data"), Is.False);
    }

    [Test]
    public async Task SendTextAsync_UserSilentForEightDays_IsOutsideWindowWithZaloReason()
    {
        Zalo.SetLastInteraction(User, _time.GetUtcNow().AddDays(-8));

        var result = await _harness.Client.SendTextAsync(User, "Nhắc lịch hẹn");

        Assert.That(result.Error, Is.EqualTo(new ZaloError(
            ZaloErrorCategory.OutsideWindow, -230, "User has not interacted with the OA in the past 7 days", 200)));
        Assert.That(Zalo.GetMessages(User), Is.Empty);
    }

    [Test]
    public async Task SendTextAsync_UserSilentForThreeDays_IsSentInPaidWindow()
    {
        Zalo.SetLastInteraction(User, _time.GetUtcNow().AddDays(-3));

        var result = await _harness.Client.SendTextAsync(User, "Kết quả xử lý phản ánh");

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Zalo.GetMessages(User).Single().InPaidWindow, Is.True);
    }

    [Test]
    public async Task SendTextAsync_WindowEnforcementOff_SendsToUnknownUser()
    {
        Zalo.EnforceInteractionWindow = false;

        var result = await _harness.Client.SendTextAsync("999", "x");

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public async Task SendTextAsync_ServerError_IsNotResentAndMayHaveBeenDelivered()
    {
        Zalo.FailNext(FakeZaloFault.ServerError);

        var result = await _harness.Client.SendTextAsync(User, "x");

        Assert.That(result.Error, Is.EqualTo(new ZaloError(
            ZaloErrorCategory.Retryable, null, "HTTP 503 without a Zalo envelope", 503, MayHaveBeenDelivered: true)));
        Assert.That(Zalo.RequestCount("message/cs"), Is.EqualTo(1));
    }

    [Test]
    public async Task SendTextAsync_AttemptTimesOut_IsNotResentAndMayHaveBeenDelivered()
    {
        // The client runs on the test's clock: its 1 s attempt timeout fires when the test moves time, after the request
        // has reached the fake (which holds it for a minute of real time). A wall-clock 1 s lost the race to the fake at
        // load 50 (the request had not arrived when the attempt timed out).
        await using var harness = ZaloClientHarness.Create(_fake, new Dictionary<string, string?>
        {
            ["Zalo:Resilience:AttemptTimeout"] = "00:00:01",
        }, time: _time);
        Zalo.Latency = TimeSpan.FromMinutes(1);

        var sending = harness.Client.SendTextAsync(User, "x");
        await ReachedZaloAsync("message/cs", 1, sending);
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending.WaitAsync(Generous);

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Retryable, null, "timed out", null, MayHaveBeenDelivered: true)));
        Assert.That(Zalo.RequestCount("message/cs"), Is.EqualTo(1));
    }

    [Test]
    public async Task SendTextAsync_ConnectionRefused_IsRetryableAndSurelyNotDelivered()
    {
        // Port 1 on loopback has no listener: the connection is refused, so no request reached Zalo.
        await using var harness = ZaloClientHarness.Create(_fake, new Dictionary<string, string?>
        {
            ["Zalo:Api:OpenApiBaseUrl"] = "http://127.0.0.1:1/",
        });

        var result = await harness.Client.SendTextAsync(User, "x");

        Assert.That(result.Error, Is.EqualTo(new ZaloError(
            ZaloErrorCategory.Retryable, null, "transport error: ConnectionError", null, MayHaveBeenDelivered: false)));
    }

    [Test]
    public async Task SendTextAsync_RateLimitedByZalo_IsRetriedAndSentOnce()
    {
        Zalo.FailNext(FakeZaloFault.RateLimited);

        var result = await _harness.Client.SendTextAsync(User, "x");

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Zalo.RequestCount("message/cs"), Is.EqualTo(2));
        Assert.That(Zalo.GetMessages(User), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendTextAsync_SendFailedMinus200_IsReportedRetryableWithoutResend()
    {
        Zalo.FailNext(FakeZaloFault.SendFailed);

        var result = await _harness.Client.SendTextAsync(User, "x");

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Retryable, -200, "Send message failed", 200)));
        Assert.That(Zalo.RequestCount("message/cs"), Is.EqualTo(1));
    }

    [Test]
    public async Task SendTextAsync_FailureOnSecondPart_ReportsTheDeliveredFirstPart()
    {
        await _harness.Client.SendTextAsync(User, "warm-up"); // loads the token
        var first = new string('a', 1500);
        Zalo.FailNext(FakeZaloFault.SendFailed, count: 1, afterCalls: 1);

        var result = await _harness.Client.SendTextAsync(User, first + "\n\n" + new string('b', 1500));

        Assert.That(result.MessageIds, Is.EqualTo(new[] { Zalo.GetMessages(User)[1].MessageId }));
        Assert.That((result.PartCount, result.Error?.Code), Is.EqualTo((2, (int?)-200)));
    }

    [Test]
    public async Task GetUserDetailAsync_TwoServerErrors_IsRetriedAndSucceeds()
    {
        Zalo.SetUserProfile(User, "Nguyễn Văn An");
        Zalo.FailNext(FakeZaloFault.ServerError, 2);

        var result = await _harness.Client.GetUserDetailAsync(User);

        Assert.That(result.Value, Is.EqualTo(new ZaloUserProfile
        {
            UserId = User,
            UserIdByApp = "app-" + User,
            DisplayName = "Nguyễn Văn An",
            IsFollower = true,
            AvatarUrl = $"https://s240-ava-talk.zadn.vn/fake/{User}.jpg",
            LastInteractionDate = _time.GetUtcNow().AddMinutes(-5).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.That(Zalo.RequestCount("user/detail"), Is.EqualTo(3));
    }

    [Test]
    public async Task GetUserDetailAsync_UnknownUser_IsPermanent()
    {
        var result = await _harness.Client.GetUserDetailAsync("404");

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Permanent, -201, "user_id is invalid!", 200)));
    }

    [Test]
    public async Task GetUserDetailAsync_TimeoutsEveryAttempt_RetriesThenReportsTimeout()
    {
        // On the test's clock, no backoff: each attempt times out only when the test moves time, once that attempt has
        // reached the fake, so all three attempts reach it whatever the machine's load.
        await using var harness = ZaloClientHarness.Create(_fake, new Dictionary<string, string?>
        {
            ["Zalo:Resilience:AttemptTimeout"] = "00:00:00.500",
            ["Zalo:Resilience:RetryBaseDelay"] = "00:00:00",
        }, time: _time);
        Zalo.SetUserProfile(User, "An");
        Zalo.Latency = TimeSpan.FromMinutes(1);

        var reading = harness.Client.GetUserDetailAsync(User);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await ReachedZaloAsync("user/detail", attempt, reading);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var result = await reading.WaitAsync(Generous);

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Retryable, null, "timed out")));
        Assert.That(Zalo.RequestCount("user/detail"), Is.EqualTo(3));
    }

    [Test]
    public async Task GetUserDetailAsync_ServerKeepsFailing_RetriesThenCircuitOpensAndFailsFast()
    {
        await using var harness = ZaloClientHarness.Create(_fake, new Dictionary<string, string?>
        {
            ["Zalo:Resilience:CircuitMinimumThroughput"] = "3",
            ["Zalo:Resilience:CircuitBreakDuration"] = "00:01:00",
        });
        Zalo.SetUserProfile(User, "An");
        Zalo.FailNext(FakeZaloFault.ServerError, 100);

        var first = await harness.Client.GetUserDetailAsync(User);
        var second = await harness.Client.GetUserDetailAsync(User);

        Assert.That(first.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Retryable, null, "HTTP 503 without a Zalo envelope", 503)));
        Assert.That(second.Error!.Message, Is.EqualTo("circuit open: Zalo failing, call not sent"));
        Assert.That(second.Error.Category, Is.EqualTo(ZaloErrorCategory.Retryable));
        Assert.That(second.Error.NotSent, Is.True, "nothing reached Zalo");
        Assert.That(second.Error.NotSentRetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(Zalo.RequestCount("user/detail"), Is.EqualTo(3));
    }

    [Test]
    public async Task GetMessageQuotaAsync_KnownUser_ReturnsLastInteraction()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_718_000_123_456);
        Zalo.SetLastInteraction(User, at);

        var result = await _harness.Client.GetMessageQuotaAsync(User);

        Assert.That(result.Value, Is.EqualTo(new ZaloMessageQuota
        {
            LastInteractionRaw = "1718000123456", LastInteraction = at, CsReplyRemain = "8",
        }));
    }

    [Test]
    public async Task Calls_OverClientRateLimit_AreRejectedLocallyBeforeReachingZalo()
    {
        // On the test's clock nothing refills and no attempt times out (a slow first call on a loaded machine used to be
        // retried and spend a permit), so the counts are exact.
        await using var harness = ZaloClientHarness.Create(_fake, new Dictionary<string, string?>
        {
            ["Zalo:Resilience:RateLimitPermitsPerMinute"] = "60",
            ["Zalo:Resilience:RateLimitBurst"] = "3",
            ["Zalo:Resilience:RateLimitReplenishmentPeriod"] = "00:01:00",
            ["Zalo:Resilience:RateLimitQueueLimit"] = "0",
            // A refused call is retried (it never left this process): at once, as the test's clock does not move.
            ["Zalo:Resilience:RetryBaseDelay"] = "00:00:00",
        }, time: _time);

        var results = new List<ZaloApiResult<ZaloMessageQuota>>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await harness.Client.GetMessageQuotaAsync(User));
        }

        // A burst of 3: the last two calls are refused here and never reach Zalo.
        Assert.That(results.Select(r => r.Error?.Message), Is.EqualTo(new string?[]
        {
            null, null, null, "client rate limit reached: call not sent", "client rate limit reached: call not sent",
        }));
        Assert.That(Zalo.RequestCount("quota/message"), Is.EqualTo(3));
    }

    [Test]
    public async Task SendImageAsync_Png_UploadsThenSendsMediaTemplate()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        var result = await _harness.Client.SendImageAsync(User, png, "ban-do.png", caption: "Bản đồ UBND phường");

        var message = Zalo.GetMessages(User).Single();
        Assert.That(result.IsSuccess, Is.True);
        Assert.That((message.Kind, message.Text, message.AttachmentId is { Length: > 0 }), Is.EqualTo(("media", "Bản đồ UBND phường", true)));
    }

    [Test]
    public async Task UploadImageAsync_NotAnImage_IsPermanentMinus201()
    {
        var result = await _harness.Client.UploadImageAsync("not an image"u8.ToArray(), "fake.png");

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Permanent, -201, "file is invalid! only support png and jpeg", 200)));
    }

    [Test]
    public async Task SendImageAttachmentAsync_AttachmentOlderThanSevenDays_IsRetryableMinus100()
    {
        var upload = await _harness.Client.UploadImageAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "a.jpg");
        _time.Advance(TimeSpan.FromDays(8));
        Zalo.SetLastInteraction(User, _time.GetUtcNow());

        var result = await _harness.Client.SendImageAttachmentAsync(User, upload.Value!);

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Retryable, -100, "attachment_id was expired", 200)));
    }

    [Test]
    public async Task SendListAsync_TwoElements_IsRecordedAsList()
    {
        var result = await _harness.Client.SendListAsync(User,
        [
            new ZaloListElement("Đăng ký tạm trú", "Hồ sơ và lệ phí", new Uri("https://example.org/a.png"), ZaloButton.QueryHide("x", "#tam_tru")),
            new ZaloListElement("Chứng thực bản sao"),
        ]);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Zalo.GetMessages(User).Single().ElementTitles, Is.EqualTo(new[] { "Đăng ký tạm trú", "Chứng thực bản sao" }));
    }

    [Test]
    public async Task SendRequestUserInfoAsync_Always_IsRecordedWithOneElement()
    {
        var result = await _harness.Client.SendRequestUserInfoAsync(User, "UBND Phường", "Xin thông tin liên hệ", new Uri("https://example.org/b.png"));

        var message = Zalo.GetMessages(User).Single();
        Assert.That(result.IsSuccess, Is.True);
        Assert.That((message.Kind, message.ElementTitles.Single()), Is.EqualTo(("request_user_info", "UBND Phường")));
    }

    [Test]
    public async Task SendTextAsync_AccessTokenExpired_RefreshesOnceAndRetriesOnce()
    {
        var before = _harness.Store.Peek(Zalo.Options.OaId)!;
        await _harness.Client.SendTextAsync(User, "first");
        Zalo.ExpireAccessToken();

        var result = await _harness.Client.SendTextAsync(User, "second");

        var after = _harness.Store.Peek(Zalo.Options.OaId)!;
        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Zalo.RefreshCount, Is.EqualTo(1));
        Assert.That(Zalo.RequestCount("message/cs"), Is.EqualTo(3));
        Assert.That(after.RefreshToken, Is.Not.EqualTo(before.RefreshToken));
        Assert.That(Zalo.GetMessages(User).Select(m => m.Text), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public async Task SendTextAsync_OtherProcessRefreshed_AdoptsStoredTokenWithoutRefreshing()
    {
        await using var other = ZaloClientHarness.Create(_fake, store: _harness.Store, distributedLock: _harness.Lock, seedTokens: false);
        await _harness.Client.SendTextAsync(User, "a");
        await other.Client.SendTextAsync(User, "b");
        Zalo.ExpireAccessToken();
        await _harness.Client.SendTextAsync(User, "c"); // refreshes; the old access token dies

        var result = await other.Client.SendTextAsync(User, "d"); // -216 with its cached token

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Zalo.RefreshCount, Is.EqualTo(1));
        Assert.That(Zalo.GetMessages(User).Select(m => m.Text), Is.EqualTo(new[] { "a", "b", "c", "d" }));
    }

    [Test]
    public async Task SendTextAsync_RefreshRejected_ReportsTokenExpiredAndDoesNotLoop()
    {
        var good = _harness.Store.Peek(Zalo.Options.OaId)!;
        _harness.Store.Seed(Zalo.Options.OaId, good with { RefreshToken = "spent-refresh-token" });
        Zalo.ExpireAccessToken();

        var first = await _harness.Client.SendTextAsync(User, "x");
        var second = await _harness.Client.SendTextAsync(User, "y");

        Assert.That(first.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.TokenExpired, -220, "access_token is expired or removed", 200)));
        Assert.That(second.Error?.Category, Is.EqualTo(ZaloErrorCategory.TokenExpired));
        Assert.That(Zalo.RequestCount("access_token"), Is.EqualTo(1));
        Assert.That(_harness.Tokens.Status.State, Is.EqualTo(ZaloTokenState.RefreshFailed));
        Assert.That(_harness.Tokens.Status.LastFailure, Does.Contain("-14014"));
    }

    [Test]
    public async Task SendTextAsync_NoTokenStored_IsTokenExpiredWithoutCallingZalo()
    {
        await using var harness = ZaloClientHarness.Create(_fake, seedTokens: false);

        var result = await harness.Client.SendTextAsync(User, "x");

        Assert.That(result.Error?.Category, Is.EqualTo(ZaloErrorCategory.TokenExpired));
        Assert.That(Zalo.RequestCount("message/cs"), Is.Zero);
        Assert.That(harness.Tokens.Status.State, Is.EqualTo(ZaloTokenState.Missing));
    }
}
