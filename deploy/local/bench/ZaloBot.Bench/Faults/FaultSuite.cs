using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ZaloBot.Bench.Faults;

/// <summary>
/// <c>./zalobot bench faults</c>: the real service process(es) and the fake Zalo process, driven from outside. Signed
/// webhooks go in, replies are counted at the fake Zalo, PostgreSQL and Redis are cut through proxies of this process
/// (the private instances themselves are never touched), processes are killed with SIGKILL. Each scenario is bounded in
/// time and reports sent, answered, lost, doubled (docs/performance.md, "Fault suite").
/// </summary>
public sealed partial class FaultSuite(FaultSuiteSettings settings) : IDisposable
{
    private const string AppId = "bench-app";
    private const string AppSecret = "bench-app-secret";
    private const string OaSecret = "bench-oa-secret";
    private const string OaId = "2000000000000000002";
    private const string Greeting = "xin chào";

    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly List<ServiceProcess> _processes = [];
    private CutProxy _pg = null!;
    private CutProxy _redis = null!;
    private FakeZaloControl _fake = null!;
    private int _fakePort;
    private int _k;

    public async Task<int> RunAsync()
    {
        var a = await SetUpAsync();
        if (settings.Performance)
        {
            return await RunPerformanceAsync(a);
        }

        var results = new List<ScenarioResult>();
        foreach (var (name, run) in Scenarios())
        {
            if (settings.Only.Count > 0 && !settings.Only.Contains(name))
            {
                continue;
            }

            Console.Error.WriteLine($"scenario {name}…");
            var result = await run(a);
            a = result.Service;
            results.Add(result.Result);
            Console.WriteLine(result.Result.Row() + $" load {LoadAverage()}");
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | sent | answered | lost | doubled (safe to repeat, counted) | resent after unknown | held | failed | dead letters | webhook non-200 | took | note |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(r.Row());
        }

        await TearDownAsync();
        return results.All(r => r.Lost == 0) ? 0 : 1;
    }

    private async Task TearDownAsync()
    {
        Console.WriteLine($"load average at the end: {LoadAverage()} on {System.Environment.ProcessorCount} cores");
        foreach (var p in _processes)
        {
            await p.StopAsync(TimeSpan.FromSeconds(15));
        }

        _pg.Dispose();
        _redis.Dispose();
    }

    /// <summary>The fake Zalo process, the proxies, a migrated and seeded database with an OA token, service "a", the greeting size.</summary>
    private async Task<Running> SetUpAsync()
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        _fakePort = FreePort();
        _processes.Add(ServiceProcess.Start(settings.FakeDll, ["--urls", $"http://127.0.0.1:{_fakePort}"], new Dictionary<string, string>
        {
            ["Zalo__Fake__AppId"] = AppId, ["Zalo__Fake__AppSecret"] = AppSecret, ["Zalo__Fake__OaId"] = OaId,
            ["Logging__LogLevel__Default"] = "Warning",
        }, Log("fake-zalo")));
        _fake = new FakeZaloControl(new Uri($"http://127.0.0.1:{_fakePort}"));
        await WaitAsync(_fake.IsUpAsync, TimeSpan.FromSeconds(60), "fake Zalo");
        await _fake.PostAsync("window?enforce=false");

        _pg = new CutProxy(settings.PostgresPort);
        _redis = new CutProxy(settings.RedisPort);
        _pg.Start();
        _redis.Start();

        var direct = Environment(proxied: false);
        Check(await ServiceProcess.RunAsync(settings.WebDll, ["migrate"], direct, null, Log("setup")), "migrate");
        Check(await ServiceProcess.RunAsync(settings.WebDll, ["seed"], direct, null, Log("setup")), "seed");
        var (access, refresh) = await _fake.IssueTokensAsync();
        Check(await ServiceProcess.RunAsync(settings.WebDll, ["oa", "connect", "--pair"], direct, $"{access}\n{refresh}\n", Log("setup")), "oa connect");

        var a = await StartServiceAsync("a");
        var sender = new WebhookSender(AppId, OaSecret, OaId);
        _k = await GreetingSizeAsync(sender, a.Url);
        Console.WriteLine($"greeting = {_k} message(s) per new citizen; load average {LoadAverage()}");
        return a;
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            p.Dispose();
        }

        _fake?.Dispose();
        _pg?.Dispose();
        _redis?.Dispose();
    }

    private sealed record Running(ServiceProcess Process, Uri Url, string Name);

    private sealed record Outcome(ScenarioResult Result, Running Service);

    private IEnumerable<(string Name, Func<Running, Task<Outcome>> Run)> Scenarios() =>
    [
        ("crash", CrashAsync),
        ("redis-down", s => OutageAsync(s, "redis-down", cutRedis: true, cutPg: false, events: 300, rate: 30, outage: TimeSpan.FromSeconds(20), backlogFirst: false)),
        ("pg-down", s => OutageAsync(s, "pg-down", cutRedis: false, cutPg: true, events: 300, rate: 30, outage: TimeSpan.FromSeconds(20), backlogFirst: false)),
        ("pg-down-backlog", s => OutageAsync(s, "pg-down-backlog", cutRedis: false, cutPg: true, events: 300, rate: 0, outage: TimeSpan.FromSeconds(20), backlogFirst: true)),
        ("both-down", s => OutageAsync(s, "both-down", cutRedis: true, cutPg: true, events: 200, rate: 20, outage: TimeSpan.FromSeconds(15), backlogFirst: false)),
        ("zalo-faults", ZaloFaultsAsync),
        ("redelivery-x10", RedeliveryAsync),
        ("two-instances", TwoInstancesAsync),
    ];

    /// <summary>1,000 events in flight, kill -9, restart: every citizen still answered; how long the last one waited.</summary>
    private async Task<Outcome> CrashAsync(Running service)
    {
        var prefix = Prefix("crash");
        var sender = new WebhookSender(AppId, OaSecret, OaId);
        var started = TimeProvider.System.GetTimestamp();
        var current = service;
        var posts = PostMany(sender, () => current.Url, prefix, 1000, rate: 0, parallel: 50);
        // Kill while the burst is being handled: some replies out, most still in the streams and the outbox.
        await WaitAsync(async () => (await CountsAsync(prefix)).Values.Sum() >= 100, TimeSpan.FromSeconds(120), "first replies");
        var before = await CountsAsync(prefix);
        current.Process.KillHard();
        var killedAt = TimeProvider.System.GetUtcNow();
        var answeredBefore = before.Count(c => c.Value >= _k);
        current = await StartServiceAsync(service.Name);
        var restartTook = TimeProvider.System.GetUtcNow() - killedAt;
        await Task.WhenAll(posts);
        var result = await SettleAsync("crash", prefix, 1000, sender, started, TimeSpan.FromSeconds(240));
        var messages = await _fake.MessagesAsync();
        var waited = messages.Where(m => m.User.StartsWith(prefix, StringComparison.Ordinal) && m.SentAt > killedAt)
            .GroupBy(m => m.User).Select(g => g.Min(m => m.SentAt) - killedAt).DefaultIfEmpty().Max();
        return new Outcome(result with
        {
            Note = $"killed with {1000 - answeredBefore} of 1,000 not yet answered; restart took {restartTook.TotalSeconds:F0} s; " +
                   $"the last citizen waiting at the kill got a first reply {waited.TotalSeconds:F0} s after it",
        }, current);
    }

    private async Task<Outcome> OutageAsync(Running service, string name, bool cutRedis, bool cutPg, int events, int rate, TimeSpan outage, bool backlogFirst)
    {
        var prefix = Prefix(name);
        var sender = new WebhookSender(AppId, OaSecret, OaId);
        var started = TimeProvider.System.GetTimestamp();
        var posts = PostMany(sender, () => service.Url, prefix, events, rate, parallel: backlogFirst ? 50 : 8);
        if (backlogFirst)
        {
            // The whole burst acknowledged (queued in the streams), the first replies going out: then PostgreSQL goes.
            await Task.WhenAll(posts);
            await WaitAsync(async () => (await CountsAsync(prefix)).Values.Sum() >= 20, TimeSpan.FromSeconds(60), "first replies");
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var queuedAtCut = backlogFirst ? events - (await CountsAsync(prefix)).Count(c => c.Value >= _k) : 0;
        if (cutRedis)
        {
            _redis.Cut();
        }

        if (cutPg)
        {
            _pg.Cut();
        }

        await Task.Delay(outage);
        if (cutRedis)
        {
            _redis.Start();
        }

        if (cutPg)
        {
            _pg.Start();
        }

        await Task.WhenAll(posts);
        var result = await SettleAsync(name, prefix, events, sender, started, TimeSpan.FromSeconds(180));
        var note = (cutRedis, cutPg) switch
        {
            (true, true) => $"both cut {outage.TotalSeconds:F0} s while {rate} events/s came in (webhook 503, sender retries each second)",
            (true, false) => $"Redis cut {outage.TotalSeconds:F0} s while {rate} events/s came in",
            _ when backlogFirst => $"PostgreSQL cut {outage.TotalSeconds:F0} s with {queuedAtCut} of {events} citizens still waiting (backlog queued)",
            _ => $"PostgreSQL cut {outage.TotalSeconds:F0} s while {rate} events/s came in",
        };
        return new Outcome(result with { Note = note }, service);
    }

    /// <summary>Zalo failing in every way the fake can: 5xx, -32, -200, delivered-then-timeout, delivered-then-reset.</summary>
    private async Task<Outcome> ZaloFaultsAsync(Running service)
    {
        var prefix = Prefix("zalo");
        var sender = new WebhookSender(AppId, OaSecret, OaId);
        var started = TimeProvider.System.GetTimestamp();
        foreach (var (kind, count) in new[] { ("ServerError", 20), ("RateLimited", 40), ("DeliveredThenTimeout", 3), ("SendFailed", 10), ("DeliveredThenReset", 10), ("ServerError", 10) })
        {
            await _fake.PostAsync($"faults?kind={kind}&count={count}");
        }

        var posts = PostMany(sender, () => service.Url, prefix, 300, rate: 30, parallel: 8);
        await Task.WhenAll(posts);
        var result = await SettleAsync("zalo-faults", prefix, 300, sender, started, TimeSpan.FromSeconds(240));
        return new Outcome(result with { Note = "queued at the fake: 30 × HTTP 503, 40 × -32, 10 × -200, 3 × delivered then timed out (15 s > the 10 s client timeout), 10 × delivered then connection reset" }, service);
    }

    /// <summary>Every event posted 10 times at once (Zalo's at-least-once delivery at its worst).</summary>
    private async Task<Outcome> RedeliveryAsync(Running service)
    {
        var prefix = Prefix("redeliver");
        var sender = new WebhookSender(AppId, OaSecret, OaId);
        var started = TimeProvider.System.GetTimestamp();
        using var gate = new SemaphoreSlim(40);
        var posts = Enumerable.Range(0, 200).SelectMany(i => Enumerable.Range(0, 10).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                await sender.DeliverAsync(() => service.Url, prefix + i.ToString(CultureInfo.InvariantCulture), $"{prefix}m{i}", Greeting, TimeSpan.FromSeconds(120));
            }
            finally
            {
                gate.Release();
            }
        })).ToList();
        await Task.WhenAll(posts);
        var result = await SettleAsync("redelivery-x10", prefix, 200, sender, started, TimeSpan.FromSeconds(120));
        return new Outcome(result with { Note = "200 events × 10 concurrent copies (2,000 posts)" }, service);
    }

    /// <summary>Two service processes sharing the stores; events alternate between them.</summary>
    private async Task<Outcome> TwoInstancesAsync(Running service)
    {
        var prefix = Prefix("two");
        var b = await StartServiceAsync("b");
        var sender = new WebhookSender(AppId, OaSecret, OaId);
        var started = TimeProvider.System.GetTimestamp();
        var next = 0;
        var posts = PostMany(sender, () => Interlocked.Increment(ref next) % 2 == 0 ? service.Url : b.Url, prefix, 500, rate: 50, parallel: 16);
        await Task.WhenAll(posts);
        var result = await SettleAsync("two-instances", prefix, 500, sender, started, TimeSpan.FromSeconds(120));
        await b.Process.StopAsync(TimeSpan.FromSeconds(20));
        return new Outcome(result with { Note = "500 events, 50/s, alternating between two processes (both with workers)" }, service);
    }

    private List<Task> PostMany(WebhookSender sender, Func<Uri> target, string prefix, int count, int rate, int parallel, IReadOnlyList<string>? texts = null)
    {
        var gate = new SemaphoreSlim(parallel);
        var origin = TimeProvider.System.GetTimestamp();
        var tasks = new List<Task>(count);
        var scheduler = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds(i / (double)rate) - TimeProvider.System.GetElapsedTime(origin);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }
                }

                await gate.WaitAsync();
                var n = i.ToString(CultureInfo.InvariantCulture);
                lock (tasks)
                {
                    tasks.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await sender.DeliverAsync(target, prefix + n, $"{prefix}m{n}", texts is null ? Greeting : texts[int.Parse(n, CultureInfo.InvariantCulture) % texts.Count], TimeSpan.FromSeconds(180));
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));
                }
            }
        });
        return [scheduler.ContinueWith(_ => { lock (tasks) { return Task.WhenAll(tasks); } }, TaskScheduler.Default).Unwrap()];
    }

    /// <summary>Waits until every citizen has the whole greeting and no row of the scenario is waiting or in flight (late resends counted too), or the deadline.</summary>
    private async Task<ScenarioResult> SettleAsync(string name, string prefix, int sent, WebhookSender sender, long started, TimeSpan deadline)
    {
        var waitStart = TimeProvider.System.GetTimestamp();
        Dictionary<string, int> counts;
        (int Resent, int Held, int Failed, int Live, int DeadLetters) db;
        while (true)
        {
            counts = await CountsAsync(prefix);
            db = await OutboxStatsAsync(prefix);
            var answered = counts.Count(c => c.Value >= _k);
            if ((answered == sent && db.Live == 0) || TimeProvider.System.GetElapsedTime(waitStart) > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return new ScenarioResult(name, sent, counts.Count(c => c.Value >= _k), counts.Count(c => c.Value > _k),
            counts.Values.Where(v => v > _k).Sum(v => v - _k), db.Resent, db.Held, db.Failed, db.DeadLetters, sender.Non200,
            TimeProvider.System.GetElapsedTime(started), "");
    }

    private async Task<Dictionary<string, int>> CountsAsync(string prefix) =>
        (await _fake.MessagesAsync()).Where(m => m.User.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(m => m.User).ToDictionary(g => g.Key, g => g.Count());

    private async Task<(int Resent, int Held, int Failed, int Live, int DeadLetters)> OutboxStatsAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(settings.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(unknown_resends), 0)::int, count(*) FILTER (WHERE state = 6)::int, count(*) FILTER (WHERE state = 5)::int,
                   count(*) FILTER (WHERE state IN (0, 1))::int,
                   (SELECT count(*)::int FROM inbox_events WHERE state = 2 AND zalo_user_id LIKE @p)
            FROM outbound_messages WHERE zalo_user_id LIKE @p
            """, connection);
        command.Parameters.AddWithValue("p", prefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
    }

    /// <summary>How many messages the bot's first answer to "xin chào" is (the unit every count uses).</summary>
    private async Task<int> GreetingSizeAsync(WebhookSender sender, Uri url)
    {
        var prefix = Prefix("warm");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => sender.DeliverAsync(() => url, prefix + i, $"{prefix}m{i}", Greeting, TimeSpan.FromSeconds(60))));
        var last = -1;
        var stableSince = TimeProvider.System.GetTimestamp();
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(90))
        {
            var counts = await CountsAsync(prefix);
            var total = counts.Values.Sum();
            if (total != last)
            {
                last = total;
                stableSince = TimeProvider.System.GetTimestamp();
            }
            else if (counts.Count == 5 && TimeProvider.System.GetElapsedTime(stableSince) > TimeSpan.FromSeconds(3))
            {
                return counts.Values.GroupBy(v => v).OrderByDescending(g => g.Count()).First().Key;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new InvalidOperationException("the warm-up citizens were not answered within 90 s; see the service log in " + settings.WorkDirectory);
    }

    private async Task<Running> StartServiceAsync(string name, string role = "All")
    {
        var port = FreePort();
        // The performance runs cut nothing, so the service talks to PostgreSQL and Redis directly: the proxies' copying
        // (in this process, on the same two cores) would be measured as the service's cost.
        var environment = Environment(proxied: !settings.Performance);
        environment["Service__Role"] = role;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = ServiceProcess.Start(settings.WebDll, ["serve"], environment, Log("service-" + name));
        _processes.Add(process);
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/health/live"));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return process.HasExited ? throw new InvalidOperationException($"service {name} exited; see {Log("service-" + name)}") : false;
            }
        }, TimeSpan.FromSeconds(120), "service " + name);
        return new Running(process, url, name);
    }

    private Dictionary<string, string> Environment(bool proxied)
    {
        var pg = new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString);
        if (proxied)
        {
            pg.Port = _pg.Port;
        }

        return new Dictionary<string, string>
        {
            // Not Development (no in-process fake, no dev token seeding) and not Production (no key-ring certificate):
            // the settings a deployment would give, pointed at the fake Zalo process.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ConnectionStrings__Postgres"] = pg.ConnectionString,
            ["ConnectionStrings__Redis"] = $"127.0.0.1:{(proxied ? _redis.Port : settings.RedisPort)}",
            ["Redis__KeyPrefix"] = $"faults:{_run}:",
            ["Webhook__OaId"] = OaId,
            ["Zalo__Webhook__AppId"] = AppId,
            ["Zalo__Webhook__OaSecretKey"] = OaSecret,
            ["Zalo__Tokens__OaId"] = OaId,
            ["Zalo__Tokens__AppId"] = AppId,
            ["Zalo__Tokens__AppSecret"] = AppSecret,
            ["Zalo__Api__OpenApiBaseUrl"] = $"http://127.0.0.1:{_fakePort}/fake-zalo/",
            ["Zalo__Api__OAuthBaseUrl"] = $"http://127.0.0.1:{_fakePort}/fake-zalo/",
        };
    }

    private string Prefix(string scenario) => $"f{_run}-{scenario}-";

    private string Log(string name) => Path.Combine(settings.WorkDirectory, name + ".log");

    private static void Check(int exitCode, string what)
    {
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {exitCode}");
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:F0} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
