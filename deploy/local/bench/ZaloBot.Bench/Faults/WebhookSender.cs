using System.Globalization;
using System.Text.Json;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Bench.Faults;

/// <summary>
/// Posts signed <c>user_send_text</c> events as Zalo does, and like Zalo retries what was not acknowledged with 200
/// (Zalo waits +30 s, +5 min, …; here 1 s, so a fault run stays short). Counts the answers it got.
/// </summary>
public sealed class WebhookSender(string appId, string secret, string oaId)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private int _non200;

    /// <summary>Answers other than 200 (503 while both stores were down, connection refused while the service was dead).</summary>
    public int Non200 => Volatile.Read(ref _non200);

    /// <summary>Posts until a 200 or <paramref name="giveUpAfter"/>; true when acknowledged.</summary>
    public async Task<bool> DeliverAsync(Func<Uri> target, string user, string msgId, string text, TimeSpan giveUpAfter)
    {
        var body = Body(user, msgId, text);
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target(), "/webhooks/zalo")) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(appId, body, secret));
                using var response = await Http.SendAsync(request);
                if ((int)response.StatusCode == 200)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            Interlocked.Increment(ref _non200);
            if (TimeProvider.System.GetElapsedTime(start) > giveUpAfter)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The exact bytes of one event: a redelivery must send the same body (same msg_id, same timestamp).</summary>
    private readonly Dictionary<string, byte[]> _bodies = [];

    private byte[] Body(string user, string msgId, string text)
    {
        lock (_bodies)
        {
            if (!_bodies.TryGetValue(msgId, out var body))
            {
                body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
                {
                    ["app_id"] = appId,
                    ["event_name"] = "user_send_text",
                    ["sender"] = new Dictionary<string, string> { ["id"] = user },
                    ["recipient"] = new Dictionary<string, string> { ["id"] = oaId },
                    ["message"] = new Dictionary<string, string> { ["msg_id"] = msgId, ["text"] = text },
                    ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                });
                _bodies[msgId] = body;
            }

            return body;
        }
    }
}
