using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Fake;

/// <summary>
/// A fake of the Zalo OA OpenAPI and OAuth endpoints we call, with the real shapes: envelope
/// <c>{error,message,data}</c>, HTTP 200 for application errors, <c>access_token</c> header, single-use rotating
/// refresh tokens, the 2,000-character and 5-button limits, the 7-day window (-230), ≤ 1 MB jpg/png uploads.
/// Point <c>Zalo:Api:OpenApiBaseUrl</c> and <c>Zalo:Api:OAuthBaseUrl</c> at <c>{host}{prefix}/</c>.
/// <para>Control over HTTP (for the dev console and scripted runs), under <c>{prefix}/_control</c>:
/// <c>POST tokens</c> (issue a pair), <c>POST expire-token</c>, <c>POST users/{id}/last-interaction?at_ms=</c>,
/// <c>POST users/{id}/profile?display_name=</c>, <c>POST faults?kind=RateLimited|ServerError|SendFailed|DeliveredThenTimeout|DeliveredThenReset&amp;count=</c>,
/// <c>POST latency?ms=</c>, <c>POST rate-limit?per_minute=</c>, <c>POST window?enforce=true|false</c>, <c>POST reset</c>,
/// <c>GET messages?user_id=</c>, <c>GET stats</c>. In C#, use <see cref="FakeZaloState"/> from DI.</para>
/// <para>The OAuth v4 consent: <c>GET v4/oa/permission</c> shows the OA admin's "allow" page, its form posts back
/// and is redirected to <c>redirect_uri?code=…&amp;oa_id=…&amp;state=…</c>; the code (10 min, single use, bound to
/// the PKCE challenge) is exchanged at <c>v4/oa/access_token</c> with <c>grant_type=authorization_code</c>.</para>
/// </summary>
public static class FakeZaloApiEndpoints
{
    private const string MaxLengthMessage = "Parameter exceeds allowable limit";

    public static IServiceCollection AddFakeZaloApi(this IServiceCollection services, Action<FakeZaloOptions>? configure = null)
    {
        var builder = services.AddOptions<FakeZaloOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FakeZaloState>();
        return services;
    }

    public static RouteGroupBuilder MapFakeZaloApi(this IEndpointRouteBuilder app, string prefix = "/fake-zalo")
    {
        var group = app.MapGroup(prefix).ExcludeFromDescription();

        group.MapPost("v3.0/oa/message/cs", SendMessageAsync);
        group.MapPost("v2.0/oa/upload/image", UploadImageAsync).DisableAntiforgery();
        group.MapGet("v3.0/oa/user/detail", UserDetailAsync);
        group.MapPost("v3.0/oa/quota/message", QuotaAsync);
        group.MapPost("v4/oa/access_token", AccessTokenAsync).DisableAntiforgery();
        group.MapGet("v2.0/oa/getoa", OaInfoAsync);
        group.MapGet("v4/oa/permission", ConsentPage);
        group.MapPost("v4/oa/permission", GrantAsync).DisableAntiforgery();

        var control = group.MapGroup("_control");
        control.MapPost("tokens", (FakeZaloState s) =>
        {
            var t = s.IssueTokens();
            return Results.Json(new { access_token = t.AccessToken, refresh_token = t.RefreshToken, expires_at = t.AccessTokenExpiresAt });
        });
        control.MapPost("expire-token", (FakeZaloState s) => { s.ExpireAccessToken(); return Results.NoContent(); });
        control.MapPost("users/{userId}/last-interaction", (FakeZaloState s, string userId, long? at_ms) =>
        {
            s.SetLastInteraction(userId, at_ms is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : s.Time.GetUtcNow());
            return Results.NoContent();
        });
        control.MapPost("users/{userId}/profile", (FakeZaloState s, string userId, string display_name, bool? is_follower) =>
        {
            s.SetUserProfile(userId, display_name, is_follower ?? true);
            return Results.NoContent();
        });
        control.MapPost("faults", (FakeZaloState s, FakeZaloFault kind, int? count) =>
        {
            s.FailNext(kind, count ?? 1);
            return Results.NoContent();
        });
        control.MapPost("latency", (FakeZaloState s, int ms) => { s.Latency = TimeSpan.FromMilliseconds(ms); return Results.NoContent(); });
        control.MapPost("rate-limit", (FakeZaloState s, int? per_minute) => { s.SendsPerMinuteLimit = per_minute; return Results.NoContent(); });
        control.MapPost("window", (FakeZaloState s, bool enforce) => { s.EnforceInteractionWindow = enforce; return Results.NoContent(); });
        control.MapPost("reset", (FakeZaloState s) => { s.Reset(); return Results.NoContent(); });
        control.MapGet("messages", (FakeZaloState s, string? user_id) =>
            Results.Json(user_id is null ? s.GetAllMessages() : s.GetMessages(user_id)));
        control.MapGet("stats", (FakeZaloState s) => Results.Json(new
        {
            refresh_count = s.RefreshCount,
            code_exchange_count = s.CodeExchangeCount,
            rate_limited = s.RateLimitedCount,
            requests = new[] { "message/cs", "access_token", "getoa", "user/detail" }.ToDictionary(e => e, s.RequestCount),
        }));
        return group;
    }

    private static async Task<IResult> SendMessageAsync(HttpContext http, FakeZaloState state)
    {
        if (await PrologueAsync(http, state, "message/cs", isSend: true) is { } early)
        {
            return early;
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(-201, "body is invalid!");
        }

        var userId = body?["recipient"]?["user_id"]?.GetValueKind() == JsonValueKind.String
            ? body["recipient"]!["user_id"]!.GetValue<string>()
            : null;
        if (string.IsNullOrEmpty(userId))
        {
            return Error(-201, "user_id is invalid!");
        }

        if (body!["message"] is not JsonObject message)
        {
            return Error(-201, "message is invalid!");
        }

        var text = message["text"]?.GetValueKind() == JsonValueKind.String ? message["text"]!.GetValue<string>() : null;
        if (text is { Length: > 2000 })
        {
            return Error(-210, MaxLengthMessage + ": text is longer than 2000 characters");
        }

        var payload = message["attachment"]?["payload"] as JsonObject;
        var templateType = payload?["template_type"]?.GetValue<string>();
        var buttons = new List<FakeZaloButton>();
        if (payload?["buttons"] is JsonArray buttonArray)
        {
            if (buttonArray.Count > 5)
            {
                return Error(-210, MaxLengthMessage + ": at most 5 buttons");
            }

            foreach (var b in buttonArray)
            {
                buttons.Add(new FakeZaloButton(
                    b?["title"]?.GetValue<string>() ?? "", b?["type"]?.GetValue<string>() ?? "", b?["payload"]?.ToJsonString() ?? "null"));
            }
        }

        var elements = payload?["elements"] as JsonArray;
        string kind;
        string? attachmentId = null;
        switch (templateType)
        {
            case null when payload is null:
                if (text is null)
                {
                    return Error(-201, "text is invalid!");
                }

                kind = "text";
                break;
            case null:
                kind = "buttons";
                if (buttons.Count == 0)
                {
                    return Error(-201, "buttons is invalid!");
                }

                break;
            case "list":
                kind = "list";
                if (elements is null || elements.Count is 0 or > 5)
                {
                    return Error(-210, MaxLengthMessage + ": a list has 1 to 5 elements");
                }

                break;
            case "request_user_info":
                kind = "request_user_info";
                if (elements is not { Count: 1 })
                {
                    return Error(-201, "elements is invalid!");
                }

                break;
            case "media":
                kind = "media";
                attachmentId = elements is { Count: 1 } ? elements[0]?["attachment_id"]?.GetValue<string>() : null;
                if (attachmentId is null)
                {
                    return Error(-201, "attachment_id is invalid!");
                }

                var upload = state.CheckUpload(attachmentId);
                if (upload != 0)
                {
                    return Error(upload, upload == -100 ? "attachment_id was expired" : "attachment_id is invalid!");
                }

                break;
            default:
                return Error(-233, "Message type invalid or not supported");
        }

        if (state.IsOutsideWindow(userId, out var paid))
        {
            return Error(-230, "User has not interacted with the OA in the past 7 days");
        }

        var sentAt = state.Time.GetUtcNow();
        var messageId = FakeZaloState.NewId(10);
        state.Record(new FakeZaloSentMessage
        {
            MessageId = messageId,
            UserId = userId,
            Kind = kind,
            Text = text,
            Buttons = buttons,
            AttachmentId = attachmentId,
            ElementTitles = elements is null ? [] : [.. elements.Select(e => e?["title"]?.GetValue<string>() ?? "")],
            QuoteMessageId = message["quote_message_id"]?.GetValue<string>(),
            SentAt = sentAt,
            InPaidWindow = paid,
            RawJson = body.ToJsonString(),
        });
        if (await AfterSendAsync(http, state) is { } spoiled)
        {
            return spoiled;
        }

        return Success(new JsonObject
        {
            ["message_id"] = messageId,
            ["user_id"] = userId,
            ["sent_time"] = Ms(sentAt),
            ["quota"] = new JsonObject
            {
                ["quota_type"] = paid ? "purchase_quota" : "reply",
                ["remain"] = "8",
                ["total"] = "8",
                ["owner_type"] = "OA",
                ["owner_id"] = state.Options.OaId,
            },
        });
    }

    private static async Task<IResult> UploadImageAsync(HttpContext http, FakeZaloState state)
    {
        if (await PrologueAsync(http, state, "upload/image") is { } early)
        {
            return early;
        }

        if (!http.Request.HasFormContentType)
        {
            return Error(-201, "file is invalid!");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Error(-201, "file is invalid!");
        }

        if (file.Length > 1024 * 1024)
        {
            return Error(-210, MaxLengthMessage + ": image is larger than 1MB");
        }

        var head = new byte[4];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, http.RequestAborted);
        }

        var isPng = head is [0x89, 0x50, 0x4E, 0x47];
        var isJpeg = head is [0xFF, 0xD8, 0xFF, _];
        if (!isPng && !isJpeg)
        {
            return Error(-201, "file is invalid! only support png and jpeg");
        }

        return Success(new JsonObject { ["attachment_id"] = state.AddUpload() });
    }

    private static async Task<IResult> UserDetailAsync(HttpContext http, FakeZaloState state)
    {
        if (await PrologueAsync(http, state, "user/detail") is { } early)
        {
            return early;
        }

        string? userId = null;
        try
        {
            var data = http.Request.Query["data"].ToString();
            userId = data.Length == 0 ? null : JsonNode.Parse(data)?["user_id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // userId stays null
        }

        if (userId is null || state.Profile(userId) is not { } profile)
        {
            return Error(-201, "user_id is invalid!");
        }

        var last = state.LastInteraction(userId);
        return Success(new JsonObject
        {
            ["user_id"] = userId,
            ["user_id_by_app"] = "app-" + userId,
            ["display_name"] = profile.DisplayName,
            ["user_is_follower"] = profile.IsFollower,
            ["user_last_interaction_date"] = last?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["avatar"] = "https://s120-ava-talk.zadn.vn/fake/" + userId + ".jpg",
            ["avatars"] = new JsonObject
            {
                ["120"] = "https://s120-ava-talk.zadn.vn/fake/" + userId + ".jpg",
                ["240"] = "https://s240-ava-talk.zadn.vn/fake/" + userId + ".jpg",
            },
        });
    }

    private static async Task<IResult> QuotaAsync(HttpContext http, FakeZaloState state)
    {
        if (await PrologueAsync(http, state, "quota/message") is { } early)
        {
            return early;
        }

        string? userId;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            userId = body?["user_id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            userId = null;
        }

        if (userId is null)
        {
            return Error(-201, "user_id is invalid!");
        }

        var data = new JsonObject
        {
            ["cs_reply"] = new JsonObject { ["remain"] = "8", ["total"] = "8" },
            ["promotion"] = new JsonObject { ["daily_remain"] = "0", ["monthly_remain"] = "0" },
        };
        if (state.LastInteraction(userId) is { } last)
        {
            data["last_interaction"] = Ms(last);
        }

        return Success(data);
    }

    /// <summary>
    /// OAuth v4 refresh. Errors use the OAuth shape (<c>error</c>, <c>error_name</c>, <c>error_description</c>).
    /// The real codes for a wrong secret or a spent refresh token are not documented; -14009 and -14014 are this
    /// fake's own choices.
    /// </summary>
    private static async Task<IResult> AccessTokenAsync(HttpContext http, FakeZaloState state)
    {
        state.CountRequest("access_token");
        if (await DelayAndFaultAsync(http, state, isSend: false) is { } early)
        {
            return early;
        }

        if (!http.Request.HasFormContentType)
        {
            return OAuthError(-14001, "Invalid parameter", "body must be application/x-www-form-urlencoded");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (http.Request.Headers["secret_key"].ToString() != state.Options.AppSecret)
        {
            return OAuthError(-14009, "Invalid secret key", "secret_key header does not match the app");
        }

        if (form["app_id"].ToString() != state.Options.AppId)
        {
            return OAuthError(-14001, "Invalid app_id", "app_id is invalid");
        }

        ZaloTokenSet? next;
        switch (form["grant_type"].ToString())
        {
            case "refresh_token":
                next = state.Refresh(form["refresh_token"].ToString());
                if (next is null)
                {
                    return OAuthError(-14014, "Invalid refresh token", "refresh_token is invalid, expired or already used");
                }

                break;
            case "authorization_code":
                var code = form["code"].ToString();
                var verifier = form["code_verifier"].ToString();
                next = state.ExchangeCode(code, verifier, out var failure);
                if (next is null)
                {
                    return OAuthError(-14019, "Invalid authorization code", failure ?? "code is invalid");
                }

                break;
            default:
                return OAuthError(-14001, "Invalid grant_type", "grant_type must be refresh_token or authorization_code");
        }

        return Results.Json(new JsonObject
        {
            ["access_token"] = next.AccessToken,
            ["refresh_token"] = next.RefreshToken,
            ["expires_in"] = ((long)state.Options.AccessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        });
    }

    private static async Task<IResult> OaInfoAsync(HttpContext http, FakeZaloState state)
    {
        if (await PrologueAsync(http, state, "getoa") is { } early)
        {
            return early;
        }

        return Success(new JsonObject
        {
            ["oa_id"] = state.Options.OaId,
            ["name"] = state.Options.OaName,
            ["description"] = "Fake OA",
            ["is_verified"] = true,
            ["oa_type"] = 2,
        });
    }

    /// <summary>
    /// What Zalo shows the OA admin who opened the consent link: which app asks, and an "allow" button. A wrong
    /// app_id or a missing redirect_uri is refused here, as Zalo does (-14003 when the redirect is not registered).
    /// </summary>
    private static IResult ConsentPage(HttpContext http, FakeZaloState state)
    {
        var query = http.Request.Query;
        if (query["app_id"].ToString() != state.Options.AppId || !Uri.TryCreate(query["redirect_uri"].ToString(), UriKind.Absolute, out _))
        {
            return Results.Text("-14003: app_id or redirect_uri is invalid", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        var fields = string.Concat(new[] { "app_id", "redirect_uri", "code_challenge", "state" }.Select(name =>
            $"<input type=\"hidden\" name=\"{name}\" value=\"{HtmlEncoder.Default.Encode(query[name].ToString())}\">"));
        var html = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Fake Zalo: OA permission</title></head>
            <body><h1>{HtmlEncoder.Default.Encode(state.Options.OaName)}</h1>
            <p>App {HtmlEncoder.Default.Encode(state.Options.AppId)} asks to manage this OA.</p>
            <form method="post" action="permission">{fields}<button type="submit">Allow</button></form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> GrantAsync(HttpContext http, FakeZaloState state)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["app_id"].ToString() != state.Options.AppId
            || !Uri.TryCreate(form["redirect_uri"].ToString(), UriKind.Absolute, out var redirect))
        {
            return Results.Text("-14003: app_id or redirect_uri is invalid", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        var code = state.IssueCode(form["code_challenge"].ToString(), redirect);
        var separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
        var target = redirect.AbsoluteUri + separator
            + "code=" + Uri.EscapeDataString(code)
            + "&oa_id=" + Uri.EscapeDataString(state.Options.OaId)
            + "&state=" + Uri.EscapeDataString(form["state"].ToString());
        return Results.Redirect(target);
    }

    /// <summary>Counts, delays, injects a queued fault, then checks the <c>access_token</c> header.</summary>
    private static async Task<IResult?> PrologueAsync(HttpContext http, FakeZaloState state, string endpoint, bool isSend = false)
    {
        state.CountRequest(endpoint);
        if (await DelayAndFaultAsync(http, state, isSend) is { } early)
        {
            return early;
        }

        if (isSend && !state.TryCountSend())
        {
            return Error(-32, "Your application reached limit call api");
        }

        var code = state.CheckAccessToken(http.Request.Headers["access_token"].ToString());
        return code switch
        {
            0 => null,
            -220 => Error(-220, "access_token is expired or removed"),
            _ => Error(-216, "Access token is invalid"),
        };
    }

    private static async Task<IResult?> DelayAndFaultAsync(HttpContext http, FakeZaloState state, bool isSend)
    {
        if (state.Latency > TimeSpan.Zero)
        {
            // Real wall-clock delay: the client's timeouts must see it.
            await Task.Delay(state.Latency, http.RequestAborted);
        }

        var fault = state.TakeFault(isSend);
        return fault switch
        {
            FakeZaloFault.DeliveredThenTimeout or FakeZaloFault.DeliveredThenReset => Stash(http, fault.Value),
            FakeZaloFault.RateLimited => Error(-32, "Your application reached limit call api"),
            FakeZaloFault.SendFailed => Error(-200, "Send message failed"),
            FakeZaloFault.ServerError => Results.Text("Service Unavailable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => null,
        };
    }

    /// <summary>An after-send fault: the send goes through, then <see cref="AfterSendAsync"/> spoils its answer.</summary>
    private static IResult? Stash(HttpContext http, FakeZaloFault fault)
    {
        http.Items[typeof(FakeZaloFault)] = fault;
        return null;
    }

    private static async Task<IResult?> AfterSendAsync(HttpContext http, FakeZaloState state)
    {
        switch (http.Items[typeof(FakeZaloFault)])
        {
            case FakeZaloFault.DeliveredThenTimeout:
                await Task.Delay(state.DeliveredTimeoutDelay, http.RequestAborted);
                return null;
            case FakeZaloFault.DeliveredThenReset:
                http.Abort();
                return Results.Empty;
            default:
                return null;
        }
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static IResult Success(JsonObject data) =>
        Results.Json(new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = data });

    /// <summary>Zalo answers application errors with HTTP 200 and no <c>data</c>.</summary>
    private static IResult Error(int code, string message) =>
        Results.Json(new JsonObject { ["error"] = code, ["message"] = message });

    private static IResult OAuthError(int code, string name, string description) =>
        Results.Json(new JsonObject
        {
            ["error"] = code,
            ["error_name"] = name,
            ["error_reason"] = description,
            ["error_description"] = description,
        });
}
