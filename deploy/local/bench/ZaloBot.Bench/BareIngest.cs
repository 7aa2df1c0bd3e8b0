using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Bench;

/// <summary>The least a durable Zalo ingest can do: read the body, verify the MAC, SET NX the msg_id, XADD, 200.</summary>
public static class BareIngest
{
    private static readonly LuaScript Enqueue = LuaScript.Prepare("""
        if redis.call('SET', @dedupe, '1', 'NX', 'PX', 259200000) then
          return redis.call('XADD', @stream, '*', 'k', @key, 'b', @body)
        end
        return false
        """);

    public static async Task RunAsync(string url, string redisAddress, string prefix, string appId, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress);
        var verifier = new ZaloSignatureVerifier(Options.Create(new ZaloWebhookOptions { AppId = appId, OaSecretKey = secret }));
        var app = builder.Build();
        app.MapPost("/webhooks/zalo", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            if (!verifier.Verify(http.Request.Headers[ZaloSignature.HeaderName], body).IsValid)
            {
                return Results.Unauthorized();
            }

            using var doc = JsonDocument.Parse(body);
            var msgId = doc.RootElement.GetProperty("message").GetProperty("msg_id").GetString()!;
            await redis.GetDatabase().ScriptEvaluateAsync(Enqueue, new
            {
                dedupe = (RedisKey)(prefix + "dedupe:" + msgId),
                stream = (RedisKey)(prefix + "in"),
                key = msgId,
                body = (RedisValue)body,
            });
            return Results.Ok();
        });
        await app.RunAsync();
    }
}
