using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Fake;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Dev;

/// <summary>
/// The chat simulator (Development only): <c>GET /dev/chat</c> (the page), <c>POST /dev/zalo/events</c> (build a
/// Zalo event, sign it with the dev OA secret and post it to our own webhook, server-side), <c>GET /dev/zalo/messages</c>
/// (what the service sent a user through the fake API), <c>GET /dev/zalo/sample.png</c> (the image "sent" by the user).
/// </summary>
public static class DevChatEndpoints
{
    public const string HttpClientName = "dev-simulator";

    /// <summary>A 1×1 PNG, served as the picture a simulated user sends (the worker downloads it like Zalo's CDN).</summary>
    private static readonly byte[] SamplePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    public static IEndpointRouteBuilder MapDevChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/chat", () => Results.File(Path.Combine(AppContext.BaseDirectory, "Dev", "chat.html"), "text/html; charset=utf-8"));
        app.MapGet("/dev/zalo/sample.png", () => Results.File(SamplePng, "image/png"));
        app.MapPost("/dev/zalo/events", SendEventAsync).DisableAntiforgery();
        app.MapGet("/dev/zalo/messages", (FakeZaloState fake, string user_id) => Results.Json(fake.GetMessages(user_id).Select(m => new
        {
            message_id = m.MessageId,
            kind = m.Kind,
            text = m.Text,
            buttons = m.Buttons.Select(b => new { title = b.Title, type = b.Type, payload = PayloadText(b.Payload) }),
            attachment_id = m.AttachmentId,
            elements = m.ElementTitles,
            sent_at = m.SentAt,
        })));
        return app;
    }

    private static async Task<IResult> SendEventAsync(
        HttpContext http,
        DevChatEvent input,
        IOptions<ZaloWebhookOptions> webhook,
        IOptions<WebhookOptions> ours,
        FakeZaloState fake,
        IHttpClientFactory clients,
        TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(input.UserId) || input.UserId.Length > 64)
        {
            return Results.BadRequest(new { error = "user_id is required" });
        }

        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var msgId = Guid.NewGuid().ToString("N");
        var appId = webhook.Value.AppId;
        var oaId = ours.Value.OaId;
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        JsonObject body = input.Kind switch
        {
            "follow" or "unfollow" => new JsonObject
            {
                ["app_id"] = appId, ["oa_id"] = oaId, ["event_name"] = input.Kind, ["follower"] = new JsonObject { ["id"] = input.UserId },
                ["source"] = "oa_profile", ["user_id_by_app"] = "app-" + input.UserId, ["timestamp"] = timestamp,
            },
            "image" => Message("user_send_image", new JsonObject
            {
                ["msg_id"] = msgId, ["text"] = input.Text ?? "",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "image",
                    ["payload"] = new JsonObject { ["url"] = baseUrl + "/dev/zalo/sample.png", ["thumbnail"] = baseUrl + "/dev/zalo/sample.png" },
                }),
            }),
            "location" => Message("user_send_location", new JsonObject
            {
                ["msg_id"] = msgId, ["text"] = input.Text ?? "",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "location",
                    ["payload"] = new JsonObject
                    {
                        ["coordinates"] = new JsonObject { ["latitude"] = input.Latitude ?? "10.7769", ["longitude"] = input.Longitude ?? "106.6869" },
                    },
                }),
            }),
            _ => Message("user_send_text", new JsonObject { ["msg_id"] = msgId, ["text"] = input.Text ?? "" }),
        };

        if (input.Kind != "unfollow")
        {
            // The real Zalo opens the reply window on every interaction; tell the fake.
            fake.SetLastInteraction(input.UserId, now);
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + WebhookEndpoints.Path)
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(appId, bytes, webhook.Value.OaSecretKey));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, http.RequestAborted);
        return Results.Json(new { status = (int)response.StatusCode, msg_id = msgId, event_name = body["event_name"]?.GetValue<string>() });

        JsonObject Message(string eventName, JsonObject message) => new()
        {
            ["app_id"] = appId, ["user_id_by_app"] = "app-" + input.UserId, ["event_name"] = eventName,
            ["sender"] = new JsonObject { ["id"] = input.UserId }, ["recipient"] = new JsonObject { ["id"] = oaId },
            ["message"] = message, ["timestamp"] = timestamp,
        };
    }

    /// <summary>A query button's payload is a JSON string: show its text, which Zalo sends back as user_send_text.</summary>
    private static string PayloadText(string payloadJson)
    {
        try
        {
            return JsonNode.Parse(payloadJson) switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonObject o when o["url"] is { } url => url.ToString(),
                JsonObject o when o["phone_code"] is { } phone => phone.ToString(),
                var other => other?.ToJsonString() ?? "",
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return payloadJson;
        }
    }
}
