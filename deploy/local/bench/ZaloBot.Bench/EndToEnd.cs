using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Bench;

/// <summary>
/// Measures the first webhook request after start-up, then posts RATE events/s for SECONDS and matches each to the
/// bot's reply at the fake Zalo API ("Bạn vừa gửi: …"): latency = reply's SentAt − the moment the POST started.
/// </summary>
public static class EndToEnd
{
    public static async Task<int> RunAsync(Uri baseUrl, string appId, string secret, string oaId, int rate, int seconds)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        var time = TimeProvider.System;
        (await http.PostAsync("/fake-zalo/_control/window?enforce=false", null)).EnsureSuccessStatusCode();
        var run = Guid.NewGuid().ToString("N")[..8];

        // Warm the driver's own HttpClient and signer (its JIT is not the service's first-request cost).
        using (await http.GetAsync("/health/live"))
        {
        }

        BuildRequest(appId, secret, oaId, "unused", "unused", "unused").Dispose();
        using var firstRequest = BuildRequest(appId, secret, oaId, $"first-{run}", "e2e-first", "warm");
        var firstStart = time.GetTimestamp();
        using (var first = await http.SendAsync(firstRequest))
        {
            Console.WriteLine($"first_request_ms={time.GetElapsedTime(firstStart).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} status={(int)first.StatusCode}");
        }

        var total = rate * seconds;
        var started = new Dictionary<string, DateTimeOffset>();
        var ack = new List<double>();
        var failures = new List<int>();
        var tasks = new List<Task>();
        var origin = time.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate) - time.GetElapsedTime(origin);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time);
            }

            var text = $"e2e-{run}-{i}";
            var msgId = $"{run}-{i}";
            started[text] = time.GetUtcNow();
            var user = "e2e-" + (i % 50).ToString(CultureInfo.InvariantCulture);
            tasks.Add(Task.Run(async () =>
            {
                var t = time.GetTimestamp();
                using var response = await PostAsync(http, appId, secret, oaId, msgId, user, text);
                lock (ack)
                {
                    ack.Add(time.GetElapsedTime(t).TotalMilliseconds);
                    if ((int)response.StatusCode != 200)
                    {
                        failures.Add((int)response.StatusCode);
                    }
                }
            }));
        }

        await Task.WhenAll(tasks);
        // Collect replies until every event has one or 15 s pass (late replies still count, with their latency).
        var latencies = new List<double>();
        var waitStart = time.GetTimestamp();
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), time);
            latencies.Clear();
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/fake-zalo/_control/messages"));
            foreach (var message in doc.RootElement.EnumerateArray())
            {
                var text = message.TryGetProperty("text", out var t) ? t.GetString() : null;
                if (text is not null && text.StartsWith("Bạn vừa gửi: ", StringComparison.Ordinal)
                    && started.TryGetValue(text["Bạn vừa gửi: ".Length..], out var at))
                {
                    latencies.Add((message.GetProperty("sentAt").GetDateTimeOffset() - at).TotalMilliseconds);
                }
            }
        }
        while (latencies.Count < total && time.GetElapsedTime(waitStart) < TimeSpan.FromSeconds(15));

        Console.WriteLine($"e2e_events={total} non200={failures.Count} ({string.Join(',', failures.Distinct())}) replies={latencies.Count} rate={rate}/s");
        Console.WriteLine($"e2e_p50_ms={Percentile(latencies, 50):F1} e2e_p99_ms={Percentile(latencies, 99):F1} e2e_max_ms={(latencies.Count > 0 ? latencies.Max() : double.NaN):F1}");
        Console.WriteLine($"ack_p50_ms={Percentile(ack, 50):F1} ack_p99_ms={Percentile(ack, 99):F1}");
        return latencies.Count == total ? 0 : 1;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string appId, string secret, string oaId, string msgId, string user, string text)
    {
        using var request = BuildRequest(appId, secret, oaId, msgId, user, text);
        return await http.SendAsync(request);
    }

    private static HttpRequestMessage BuildRequest(string appId, string secret, string oaId, string msgId, string user, string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["app_id"] = appId,
            ["event_name"] = "user_send_text",
            ["sender"] = new Dictionary<string, string> { ["id"] = user },
            ["recipient"] = new Dictionary<string, string> { ["id"] = oaId },
            ["message"] = new Dictionary<string, string> { ["msg_id"] = msgId, ["text"] = text },
            ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, ZaloSignature.SignHeader(appId, body, secret));
        return request;
    }

    private static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
