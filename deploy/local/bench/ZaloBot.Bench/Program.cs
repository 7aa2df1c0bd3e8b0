using System.Globalization;
using System.Text;
using System.Text.Json;
using ZaloBot.Bench;

// bare URL REDIS PREFIX APPID SECRET   – the bare ingest endpoint (verify + SET NX + XADD) to compare against
// gen COUNT FILE APPID SECRET OAID       – pre-signed webhook requests for wrk, one "mac<TAB>body" per line
// e2e BASEURL APPID SECRET OAID RATE SECONDS – first-request latency, then end-to-end latency at RATE events/s
// faults|perf WEBDLL FAKEDLL PGCONN PGPORT REDISPORT WORKDIR [SCENARIO…] – the fault suite / the performance runs (Faults/)
var mode = args.Length > 0 ? args[0] : "";
switch (mode)
{
    case "bare":
        await BareIngest.RunAsync(args[1], args[2], args[3], args[4], args[5]);
        return 0;
    case "gen":
        Generate(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3], args[4], args[5]);
        return 0;
    case "e2e":
        return await EndToEnd.RunAsync(new Uri(args[1]), args[2], args[3], args[4],
            int.Parse(args[5], CultureInfo.InvariantCulture), int.Parse(args[6], CultureInfo.InvariantCulture));
    case "faults" or "perf":
    {
        using var suite = new ZaloBot.Bench.Faults.FaultSuite(new ZaloBot.Bench.Faults.FaultSuiteSettings(
            args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture), int.Parse(args[5], CultureInfo.InvariantCulture), args[6],
            args.Skip(7).ToHashSet(), Performance: mode == "perf",
            SoakSeconds: int.Parse(Environment.GetEnvironmentVariable("SOAK_SECONDS") ?? "600", CultureInfo.InvariantCulture),
            ZaloLatencyMs: int.Parse(Environment.GetEnvironmentVariable("ZALO_LATENCY_MS") ?? "0", CultureInfo.InvariantCulture)));
        return await suite.RunAsync();
    }
    default:
        Console.Error.WriteLine("usage: ZaloBot.Bench bare|gen|e2e|faults …");
        return 2;
}

static void Generate(int count, string file, string appId, string secret, string oaId)
{
    var run = Guid.NewGuid().ToString("N")[..8];
    using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
    var baseTs = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
    for (var i = 0; i < count; i++)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["app_id"] = appId,
            ["user_id_by_app"] = "app-bench-" + (i % 1000).ToString(CultureInfo.InvariantCulture),
            ["event_name"] = "user_send_text",
            ["sender"] = new Dictionary<string, string> { ["id"] = "bench-" + (i % 1000).ToString(CultureInfo.InvariantCulture) },
            ["recipient"] = new Dictionary<string, string> { ["id"] = oaId },
            ["message"] = new Dictionary<string, string> { ["msg_id"] = $"{run}-{i}", ["text"] = "xin chào " + i.ToString(CultureInfo.InvariantCulture) },
            ["timestamp"] = (baseTs + i).ToString(CultureInfo.InvariantCulture),
        });
        var bytes = Encoding.UTF8.GetBytes(body);
        writer.Write(ZaloBot.Zalo.Webhook.ZaloSignature.Sign(appId, bytes, secret));
        writer.Write('\t');
        writer.Write(body);
        writer.Write('\n');
    }
}
