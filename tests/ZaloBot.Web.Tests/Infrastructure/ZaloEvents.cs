using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>Builds Zalo webhook bodies (shapes from docs/zalo-oa-api.md §3) and posts them signed like Zalo.</summary>
public static class ZaloEvents
{
    private static long _clock;

    /// <summary>
    /// The real time in epoch ms, strictly increasing across calls (distinct events in one millisecond): the webhook
    /// refuses signed events older than Webhook:MaxEventAge (24 h), and an event is stamped when it happens.
    /// </summary>
    public static string NextTimestamp()
    {
        while (true)
        {
            var last = Volatile.Read(ref _clock);
            var next = Math.Max(last + 1, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
            if (Interlocked.CompareExchange(ref _clock, next, last) == last)
            {
                return next.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public static string UserText(string userId, string msgId, string text, string? timestamp = null, string oaId = ZaloBotFactory.OaId) =>
        Message("user_send_text", userId, oaId, new JsonObject { ["msg_id"] = msgId, ["text"] = text }, timestamp);

    public static string UserImage(string userId, string msgId, string url) =>
        Message("user_send_image", userId, ZaloBotFactory.OaId, new JsonObject
        {
            ["msg_id"] = msgId,
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = url, ["thumbnail"] = url } }),
        });

    public static string OaEcho(string userId, string msgId, string text, string? adminId = null)
    {
        var sender = new JsonObject { ["id"] = ZaloBotFactory.OaId };
        if (adminId is not null)
        {
            sender["admin_id"] = adminId;
        }

        return new JsonObject
        {
            ["app_id"] = ZaloBotFactory.AppId, ["event_name"] = "oa_send_text", ["sender"] = sender,
            ["recipient"] = new JsonObject { ["id"] = userId }, ["message"] = new JsonObject { ["msg_id"] = msgId, ["text"] = text },
            ["timestamp"] = NextTimestamp(),
        }.ToJsonString();
    }

    public static string Follow(string userId, string eventName = "follow") => new JsonObject
    {
        ["app_id"] = ZaloBotFactory.AppId, ["oa_id"] = ZaloBotFactory.OaId, ["event_name"] = eventName,
        ["follower"] = new JsonObject { ["id"] = userId }, ["source"] = "oa_profile", ["timestamp"] = NextTimestamp(),
    }.ToJsonString();

    public static string Received(string userId, string messageId) => new JsonObject
    {
        ["app_id"] = ZaloBotFactory.AppId, ["event_name"] = "user_received_message",
        ["sender"] = new JsonObject { ["id"] = ZaloBotFactory.OaId }, ["recipient"] = new JsonObject { ["id"] = userId },
        ["message"] = new JsonObject { ["msg_id"] = messageId }, ["timestamp"] = NextTimestamp(),
    }.ToJsonString();

    public static string Seen(string userId, params string[] messageIds) => new JsonObject
    {
        ["app_id"] = ZaloBotFactory.AppId, ["event_name"] = "user_seen_message",
        ["sender"] = new JsonObject { ["id"] = ZaloBotFactory.OaId }, ["recipient"] = new JsonObject { ["id"] = userId },
        ["message"] = new JsonObject { ["msg_ids"] = new JsonArray([.. messageIds.Select(id => (JsonNode)id)]) }, ["timestamp"] = NextTimestamp(),
    }.ToJsonString();

    public static string Message(string eventName, string userId, string oaId, JsonObject message, string? timestamp = null) => new JsonObject
    {
        ["app_id"] = ZaloBotFactory.AppId, ["user_id_by_app"] = "app-" + userId, ["event_name"] = eventName,
        ["sender"] = new JsonObject { ["id"] = userId }, ["recipient"] = new JsonObject { ["id"] = oaId },
        ["message"] = message, ["timestamp"] = timestamp ?? NextTimestamp(),
    }.ToJsonString();

    public static HttpRequestMessage Signed(string body, string secret = ZaloBotFactory.OaSecretKey)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(ZaloBotFactory.AppId, bytes, secret));
        return request;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body)
    {
        using var request = Signed(body);
        return await client.SendAsync(request);
    }
}
