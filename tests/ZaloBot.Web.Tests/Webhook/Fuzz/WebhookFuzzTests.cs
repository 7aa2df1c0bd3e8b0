using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Tests.Webhook.Fuzz;

/// <summary>
/// 20,000 generated bodies (half signed) and a few hundred broken HTTP framings against the whole service on Kestrel
/// with the real dialog engine: no answer may be a 5xx, the service must stay up, and afterwards a canary message in
/// every inbound partition must be answered (no fuzzed event may block a partition). Bounded: the fuzz phase stops
/// after 150 s whatever it reached, and the assertions say how far it got.
/// </summary>
[Category("Fuzz")]
public sealed class WebhookFuzzTests
{
    private const int Seed = 20261201;
    private const int Bodies = 20_000;
    private static readonly TimeSpan FuzzBudget = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan CanaryWait = TimeSpan.FromSeconds(180);

    [Test]
    public async Task Fuzz_20000Bodies_No5xx_ServiceUp_EveryPartitionStillAnswers()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var fake = new FakeZaloServer();
        await using var host = new ZaloBotFactory(database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["Inbound:IdlePollInterval"] = "00:00:00.020",
            ["Inbound:RetryBaseDelay"] = "00:00:00.010",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
        }, realServer: true)
        {
            ConfigureServices = fake.Attach,
        };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        await host.Services.GetRequiredService<LiveRecognizer>().RebuildAsync(CancellationToken.None);
        await fake.AuthoriseAsync(host.Services);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = host.BaseAddress };

        var corpus = Fixtures.All().Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ZaloFixtures"), "*.json").Order().Select(File.ReadAllText));
        var fuzzer = new WebhookFuzzer(Seed, corpus);
        var cases = Enumerable.Range(0, Bodies).Select(_ => (Body: fuzzer.Next(), Signed: fuzzer.NextSigned())).ToList();
        var rssBefore = Rss();
        var statuses = new int[600];
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        using var budget = new CancellationTokenSource(FuzzBudget);
        var sent = 0;

        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = budget.Token }, async (i, ct) =>
            {
                var (body, signed) = cases[i];
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Path) { Content = content };
                request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName, Mac(body, signed));
                using var response = await client.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                Interlocked.Increment(ref statuses[status]);
                Interlocked.Increment(ref sent);
                if (status >= 500)
                {
                    lock (failures)
                    {
                        failures.Add($"#{i} {status} signed={signed}: {Convert.ToBase64String(body.AsSpan(0, Math.Min(body.Length, 600)))}");
                    }
                }
            });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            // The time bound: assert on what was sent.
        }

        var framing = await SendBrokenFramingsAsync(host.BaseAddress, statuses, failures);
        var fuzzTime = clock.Elapsed;

        var keys = host.Services.GetRequiredService<InboundPartitions>();
        var canaries = Enumerable.Range(0, 10_000).Select(n => "canary-" + n.ToString(CultureInfo.InvariantCulture))
            .GroupBy(keys.Of).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        foreach (var canary in canaries)
        {
            using var response = await ZaloEvents.PostAsync(client, ZaloEvents.UserText(canary, "msg-" + canary, "xin chào"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), canary);
        }

        var answered = await Eventually.TrueAsync(() => canaries.All(c => fake.State.GetMessages(c).Count > 0), CanaryWait);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var live = await client.GetAsync("/health/live");
        var rssAfter = Rss();
        await using var db = database.CreateContext();
        var deadLetters = await db.InboxEvents.CountAsync(e => e.State == InboxEventState.DeadLettered);
        var keptRaw = await db.InboxEvents.CountAsync(e => e.LastError != null && e.LastError.StartsWith("kept raw"));

        var histogram = string.Join(", ", statuses.Select((n, s) => (n, s)).Where(x => x.n > 0).Select(x => $"{x.s}×{x.n}"));
        TestContext.Progress.WriteLine(
            $"Fuzz: {sent} bodies + {framing} broken framings in {fuzzTime.TotalSeconds:F1} s (corpus {fuzzer.CorpusSize}, seed {Seed}); " +
            $"statuses {histogram}; dead letters {deadLetters}, kept raw {keptRaw}; canaries {canaries.Count(c => fake.State.GetMessages(c).Count > 0)}/{canaries.Count} answered " +
            $"{clock.Elapsed.TotalSeconds - fuzzTime.TotalSeconds:F1} s after; RSS {rssBefore / 1048576} MiB before, {rssAfter / 1048576} MiB after");

        Assert.That(failures, Is.Empty, "responses ≥ 500 (base64 of the body)");
        Assert.That(sent, Is.EqualTo(Bodies), "bodies sent within the time bound");
        Assert.That((live.StatusCode, lifetime.ApplicationStopping.IsCancellationRequested), Is.EqualTo((HttpStatusCode.OK, false)), "the service is up");
        Assert.That(canaries, Has.Count.EqualTo(keys.Count));
        Assert.That(answered, Is.True, "a canary in every partition is answered after the fuzz");
    }

    private static string Mac(byte[] body, bool signed)
    {
        if (signed && ZaloSignature.ReadTimestamp(body) is not null)
        {
            return ZaloSignature.SignHeader(ZaloBotFactory.AppId, body, ZaloBotFactory.OaSecretKey);
        }

        return "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
    }

    /// <summary>Requests Kestrel must frame, written by hand: broken chunk sizes and lengths. Returns how many were sent.</summary>
    private static async Task<int> SendBrokenFramingsAsync(Uri server, int[] statuses, List<string> failures)
    {
        const string signed = "{\"event_name\":\"user_send_text\",\"timestamp\":\"1\"}";
        string Head(string extra) => $"POST {WebhookEndpoints.Path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n{ZaloSignature.HeaderName}: mac=00\r\n{extra}";
        var requests = new List<string>
        {
            Head("Transfer-Encoding: chunked\r\n\r\n") + new string('F', 20_000) + "\r\n{}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "zz\r\n{}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "-1\r\n{}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "2\r\n{}}}}}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "2;" + new string('x', 20_000) + "\r\n{}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "2\n{}\n0\n\n",
            Head("Transfer-Encoding: chunked\r\n\r\n") + "30\r\n" + signed + "\r\n0\r\nX-Trailer: " + new string('t', 40_000) + "\r\n\r\n",
            Head("Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n") + "2\r\n{}\r\n0\r\n\r\n",
            Head("Transfer-Encoding: gzip, chunked\r\n\r\n") + "2\r\n{}\r\n0\r\n\r\n",
            Head("Content-Length: -5\r\n\r\n") + "{}",
            Head("Content-Length: 1, 2\r\n\r\n") + "{}",
            Head("Content-Length: 99999999999999999999\r\n\r\n") + "{}",
            Head("Content-Length: 2\r\nContent-Length: 3\r\n\r\n") + "{}",
        };
        var sent = 0;
        for (var round = 0; round < 20; round++)
        {
            foreach (var raw in requests)
            {
                var status = await SendRawAsync(server, Encoding.ASCII.GetBytes(raw));
                sent++;
                if (status >= 500)
                {
                    failures.Add($"framing {status}: {raw[..Math.Min(raw.Length, 200)]}");
                }

                if (status > 0)
                {
                    Interlocked.Increment(ref statuses[status]);
                }
            }
        }

        return sent;
    }

    /// <summary>The status of the answer, or 0 when the server closed the connection without one.</summary>
    private static async Task<int> SendRawAsync(Uri server, byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(request);
            tcp.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server may answer and close before it read everything (a 400 on the first bad chunk).
        }

        var buffer = new byte[64];
        var read = 0;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (read < 12 && (await stream.ReadAsync(buffer.AsMemory(read), timeout.Token)) is var n and > 0)
            {
                read += n;
            }
        }
        catch (IOException)
        {
        }

        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(9, 3), CultureInfo.InvariantCulture, out var status) ? status : 0;
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
