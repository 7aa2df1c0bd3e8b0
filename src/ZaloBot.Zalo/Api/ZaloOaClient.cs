using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// Typed client for the OA Open API (consultation messages, uploads, user detail, quota). Every call reads the
/// envelope's <c>error</c> (Zalo answers HTTP 200 with <c>error != 0</c>) and returns a classified
/// <see cref="ZaloError"/> instead of throwing. On -216/-220 it refreshes the token once and retries once (safe:
/// Zalo rejected the call before processing). Other retries happen in the <c>zalo-openapi</c> pipeline, only where
/// safe (see <c>ZaloResiliencePipeline</c>).
/// </summary>
public sealed class ZaloOaClient(HttpClient http, IAccessTokenProvider tokens, ILogger<ZaloOaClient> logger)
{
    public const int MaxButtons = 5;
    public const int MaxListElements = 5;

    /// <summary>Zalo's image upload limit: jpg/png up to 1 MB.</summary>
    public const int MaxImageBytes = 1024 * 1024;

    private const string SendPath = "v3.0/oa/message/cs";

    /// <summary>Sends a consultation text, split into parts of ≤ 2,000 characters (NFC) when longer.</summary>
    /// <param name="quoteMessageId">Quote a message (first part only).</param>
    public async Task<ZaloSendResult> SendTextAsync(
        string userId, string text, string? quoteMessageId = null, CancellationToken cancellationToken = default)
    {
        var parts = ZaloTextSplitter.Split(text);
        if (parts.Count == 0)
        {
            throw new ArgumentException("Text is empty.", nameof(text));
        }

        return await SendPartsAsync(userId, parts, (part, index) =>
        {
            var message = new JsonObject { ["text"] = part };
            if (index == 0 && quoteMessageId is not null)
            {
                message["quote_message_id"] = quoteMessageId;
            }

            return message;
        }, cancellationToken);
    }

    /// <summary>Text with 1–5 buttons. A long text is split; the buttons go with the last part.</summary>
    public async Task<ZaloSendResult> SendTextWithButtonsAsync(
        string userId, string text, IReadOnlyList<ZaloButton> buttons, CancellationToken cancellationToken = default)
    {
        CheckCount(buttons.Count, 1, MaxButtons, nameof(buttons));
        var parts = ZaloTextSplitter.Split(text);
        if (parts.Count == 0)
        {
            throw new ArgumentException("Text is empty.", nameof(text));
        }

        return await SendPartsAsync(userId, parts, (part, index) =>
        {
            var message = new JsonObject { ["text"] = part };
            if (index == parts.Count - 1)
            {
                message["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject { ["buttons"] = ButtonsJson(buttons) },
                };
            }

            return message;
        }, cancellationToken);
    }

    /// <summary>
    /// A list template (1–5 elements, ≤ 5 buttons). Not documented for v3 <c>message/cs</c>; verify on a real OA
    /// and fall back to <see cref="SendTextWithButtonsAsync"/> if it answers -201/-233.
    /// </summary>
    public Task<ZaloSendResult> SendListAsync(
        string userId, IReadOnlyList<ZaloListElement> elements, IReadOnlyList<ZaloButton>? buttons = null,
        string? text = null, CancellationToken cancellationToken = default)
    {
        CheckCount(elements.Count, 1, MaxListElements, nameof(elements));
        CheckCount(buttons?.Count ?? 0, 0, MaxButtons, nameof(buttons));
        var items = new JsonArray();
        foreach (var e in elements)
        {
            var item = new JsonObject { ["title"] = e.Title };
            if (e.Subtitle is not null) item["subtitle"] = e.Subtitle;
            if (e.ImageUrl is not null) item["image_url"] = e.ImageUrl.ToString();
            if (e.DefaultAction is not null)
            {
                var action = new JsonObject { ["type"] = e.DefaultAction.Type, ["payload"] = e.DefaultAction.Payload.DeepClone() };
                // The official .NET SDK puts the url directly on an oa.open.url default_action; send both forms.
                if (e.DefaultAction.Payload is JsonObject p && p["url"] is { } url)
                {
                    action["url"] = url.DeepClone();
                }

                item["default_action"] = action;
            }

            items.Add(item);
        }

        var payload = new JsonObject { ["template_type"] = "list", ["elements"] = items };
        if (buttons is { Count: > 0 })
        {
            payload["buttons"] = ButtonsJson(buttons);
        }

        var message = new JsonObject { ["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = payload } };
        if (text is not null)
        {
            message["text"] = text;
        }

        return SendOneAsync(userId, message, cancellationToken);
    }

    /// <summary>Uploads a jpg/png (≤ 1 MB) and sends it as a media template. Re-uploads every time: ids expire after 7 days.</summary>
    public async Task<ZaloSendResult> SendImageAsync(
        string userId, ReadOnlyMemory<byte> image, string fileName, string? caption = null, CancellationToken cancellationToken = default)
    {
        var upload = await UploadImageAsync(image, fileName, cancellationToken);
        if (!upload.IsSuccess)
        {
            return new ZaloSendResult([], upload.Error);
        }

        return await SendImageAttachmentAsync(userId, upload.Value!, caption, cancellationToken);
    }

    /// <summary>Sends an already uploaded image (<c>attachment_id</c>). -100 means it expired: upload again.</summary>
    public Task<ZaloSendResult> SendImageAttachmentAsync(
        string userId, string attachmentId, string? caption = null, CancellationToken cancellationToken = default)
    {
        var message = new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "media",
                    ["elements"] = new JsonArray(new JsonObject { ["media_type"] = "image", ["attachment_id"] = attachmentId }),
                },
            },
        };
        if (caption is not null)
        {
            message["text"] = caption;
        }

        return SendOneAsync(userId, message, cancellationToken);
    }

    /// <summary>The <c>request_user_info</c> form (exactly one element); the answer arrives as <c>user_submit_info</c>.</summary>
    public Task<ZaloSendResult> SendRequestUserInfoAsync(
        string userId, string title, string subtitle, Uri imageUrl, CancellationToken cancellationToken = default)
    {
        var message = new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "request_user_info",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["title"] = title, ["subtitle"] = subtitle, ["image_url"] = imageUrl.ToString(),
                    }),
                },
            },
        };
        return SendOneAsync(userId, message, cancellationToken);
    }

    /// <summary><c>POST v2.0/oa/upload/image</c> (multipart field <c>file</c>); returns the <c>attachment_id</c>.</summary>
    public async Task<ZaloApiResult<string>> UploadImageAsync(
        ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var mediaType = ext switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            _ => throw new ArgumentException("Zalo accepts only .jpg/.jpeg/.png images.", nameof(fileName)),
        };
        ArgumentOutOfRangeException.ThrowIfGreaterThan(image.Length, MaxImageBytes, nameof(image));

        var outcome = await CallAsync(token =>
        {
            var content = new ByteArrayContent(image.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            var form = new MultipartFormDataContent { { content, "file", fileName } };
            return Build(HttpMethod.Post, "v2.0/oa/upload/image", token, form, ZaloRequestSafety.Idempotent);
        }, isSend: false, cancellationToken);

        if (outcome.Error is not null)
        {
            return ZaloApiResult<string>.Failure(outcome.Error);
        }

        var id = ZaloEnvelope.ReadString(outcome.Data, "attachment_id");
        return id is null
            ? ZaloApiResult<string>.Failure(new ZaloError(ZaloErrorCategory.Permanent, 0, "upload response has no attachment_id"))
            : ZaloApiResult<string>.Success(id);
    }

    /// <summary><c>GET v3.0/oa/user/detail?data={"user_id":…}</c>.</summary>
    public async Task<ZaloApiResult<ZaloUserProfile>> GetUserDetailAsync(string userId, CancellationToken cancellationToken = default)
    {
        var query = Uri.EscapeDataString(new JsonObject { ["user_id"] = userId }.ToJsonString());
        var outcome = await CallAsync(
            token => Build(HttpMethod.Get, "v3.0/oa/user/detail?data=" + query, token, null, ZaloRequestSafety.Idempotent),
            isSend: false, cancellationToken);
        if (outcome.Error is not null)
        {
            return ZaloApiResult<ZaloUserProfile>.Failure(outcome.Error);
        }

        var d = outcome.Data;
        string? avatar = null;
        if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("avatars", out var avatars))
        {
            avatar = ZaloEnvelope.ReadString(avatars, "240");
        }

        var follower = ZaloEnvelope.ReadString(d, "user_is_follower");
        return ZaloApiResult<ZaloUserProfile>.Success(new ZaloUserProfile
        {
            UserId = ZaloEnvelope.ReadString(d, "user_id") ?? userId,
            UserIdByApp = ZaloEnvelope.ReadString(d, "user_id_by_app"),
            DisplayName = ZaloEnvelope.ReadString(d, "display_name"),
            IsFollower = follower is null ? null : follower == "true",
            AvatarUrl = avatar ?? ZaloEnvelope.ReadString(d, "avatar"),
            LastInteractionDate = ZaloEnvelope.ReadString(d, "user_last_interaction_date"),
        });
    }

    /// <summary><c>GET v2.0/oa/getoa</c>: the OA the access token belongs to (read-only, so retried).</summary>
    public async Task<ZaloApiResult<ZaloOaInfo>> GetOaInfoAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await CallAsync(
            token => Build(HttpMethod.Get, "v2.0/oa/getoa", token, null, ZaloRequestSafety.Idempotent),
            isSend: false, cancellationToken);
        if (outcome.Error is not null)
        {
            return ZaloApiResult<ZaloOaInfo>.Failure(outcome.Error);
        }

        var id = ZaloEnvelope.ReadString(outcome.Data, "oa_id") ?? ZaloEnvelope.ReadString(outcome.Data, "oaid");
        return id is null
            ? ZaloApiResult<ZaloOaInfo>.Failure(new ZaloError(ZaloErrorCategory.Permanent, 0, "getoa response has no oa_id"))
            : ZaloApiResult<ZaloOaInfo>.Success(new ZaloOaInfo(id, ZaloEnvelope.ReadString(outcome.Data, "name")));
    }

    /// <summary><c>POST v3.0/oa/quota/message</c> for one user: the exact last-interaction time (read-only, so retried).</summary>
    public async Task<ZaloApiResult<ZaloMessageQuota>> GetMessageQuotaAsync(string userId, CancellationToken cancellationToken = default)
    {
        var outcome = await CallAsync(
            token => Build(HttpMethod.Post, "v3.0/oa/quota/message", token,
                JsonBody(new JsonObject { ["user_id"] = userId }), ZaloRequestSafety.Idempotent),
            isSend: false, cancellationToken);
        if (outcome.Error is not null)
        {
            return ZaloApiResult<ZaloMessageQuota>.Failure(outcome.Error);
        }

        var raw = ZaloEnvelope.ReadString(outcome.Data, "last_interaction");
        DateTimeOffset? at = long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        string? remain = null;
        if (outcome.Data.ValueKind == JsonValueKind.Object && outcome.Data.TryGetProperty("cs_reply", out var cs))
        {
            remain = ZaloEnvelope.ReadString(cs, "remain");
        }

        return ZaloApiResult<ZaloMessageQuota>.Success(new ZaloMessageQuota
        {
            LastInteractionRaw = raw, LastInteraction = at, CsReplyRemain = remain,
        });
    }

    private async Task<ZaloSendResult> SendPartsAsync(
        string userId, IReadOnlyList<string> parts, Func<string, int, JsonObject> buildMessage, CancellationToken cancellationToken)
    {
        var ids = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var result = await SendOneAsync(userId, buildMessage(parts[i], i), cancellationToken);
            if (!result.IsSuccess)
            {
                if (ids.Count > 0)
                {
                    // No user id: the library does not know the host's log redaction, and a Zalo id is personal data.
                    logger.LogWarning("Zalo send failed at part {Part} of {Parts}: {Error}", i + 1, parts.Count, result.Error);
                }

                return new ZaloSendResult(ids, result.Error) { PartCount = parts.Count };
            }

            ids.AddRange(result.MessageIds);
        }

        return new ZaloSendResult(ids, null) { PartCount = parts.Count };
    }

    private async Task<ZaloSendResult> SendOneAsync(string userId, JsonObject message, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message };
        var json = body.ToJsonString();
        var outcome = await CallAsync(
            token => Build(HttpMethod.Post, SendPath, token, new StringContent(json, Encoding.UTF8, "application/json"), ZaloRequestSafety.AtMostOnce),
            isSend: true, cancellationToken);
        if (outcome.Error is not null)
        {
            return new ZaloSendResult([], outcome.Error);
        }

        var id = ZaloEnvelope.ReadString(outcome.Data, "message_id");
        return id is null
            ? new ZaloSendResult([], new ZaloError(ZaloErrorCategory.Permanent, 0, "send response has no message_id", MayHaveBeenDelivered: true))
            : new ZaloSendResult([id], null);
    }

    private async Task<(JsonElement Data, ZaloError? Error)> CallAsync(
        Func<string, HttpRequestMessage> build, bool isSend, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        if (token is null)
        {
            return (default, new ZaloError(ZaloErrorCategory.TokenExpired, null, "no valid access token (see the token health check)"));
        }

        var outcome = await SendAsync(build(token), isSend, cancellationToken);
        if (outcome.Error?.Category != ZaloErrorCategory.TokenExpired)
        {
            return outcome;
        }

        logger.LogInformation("Zalo rejected the access token (code {Code}); refreshing once", outcome.Error.Code);
        var fresh = await tokens.RefreshAfterRejectionAsync(token, cancellationToken);
        if (fresh is null || fresh == token)
        {
            return outcome;
        }

        return await SendAsync(build(fresh), isSend, cancellationToken);
    }

    private async Task<(JsonElement Data, ZaloError? Error)> SendAsync(
        HttpRequestMessage request, bool isSend, CancellationToken cancellationToken)
    {
        using var _ = request;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(body);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                root = default;
            }

            var code = ZaloEnvelope.ReadErrorCode(root);
            if (code == 0 && response.IsSuccessStatusCode)
            {
                return (root.TryGetProperty("data", out var data) ? data : default, null);
            }

            if (code is { } c && c != 0)
            {
                var message = ZaloEnvelope.ReadString(root, "message") ?? "";
                return (default, new ZaloError(ZaloErrorClassifier.Classify(c), c, message, status));
            }

            // No usable envelope: judge by HTTP status. A send that got a 5xx may still have been delivered.
            var category = response.IsSuccessStatusCode
                ? ZaloErrorCategory.Permanent
                : ZaloErrorClassifier.ClassifyHttpStatus(status);
            return (default, new ZaloError(category, null, $"HTTP {status} without a Zalo envelope", status,
                MayHaveBeenDelivered: isSend && status >= 500));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException ex)
        {
            return (default, new ZaloError(ZaloErrorCategory.Retryable, null, "circuit open: Zalo failing, call not sent", NotSentRetryAfter: ex.RetryAfter ?? TimeSpan.Zero));
        }
        catch (RateLimiterRejectedException ex)
        {
            return (default, new ZaloError(ZaloErrorCategory.Retryable, null, "client rate limit reached: call not sent", NotSentRetryAfter: ex.RetryAfter ?? TimeSpan.Zero));
        }
        catch (TimeoutRejectedException)
        {
            return (default, new ZaloError(ZaloErrorCategory.Retryable, null, "timed out", null, MayHaveBeenDelivered: isSend));
        }
        catch (HttpRequestException ex)
        {
            var notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError;
            return (default, new ZaloError(ZaloErrorCategory.Retryable, null, $"transport error: {ex.HttpRequestError}",
                ex.StatusCode is { } s ? (int)s : null, MayHaveBeenDelivered: isSend && !notSent));
        }
    }

    private static HttpRequestMessage Build(
        HttpMethod method, string path, string token, HttpContent? content, ZaloRequestSafety safety)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("access_token", token);
        request.Options.Set(ZaloResiliencePipeline.SafetyKey, safety);
        return request;
    }

    private static StringContent JsonBody(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonArray ButtonsJson(IReadOnlyList<ZaloButton> buttons) => [.. buttons.Select(b => (JsonNode)b.ToJson())];

    private static void CheckCount(int count, int min, int max, string name)
    {
        if (count < min || count > max)
        {
            throw new ArgumentOutOfRangeException(name, count, $"Zalo allows {min}–{max} here.");
        }
    }
}
