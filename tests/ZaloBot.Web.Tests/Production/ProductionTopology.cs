using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Production;

/// <summary>
/// The service as an office deploys it, on this machine: Debian's nginx terminating TLS (a certificate made with
/// openssl now) in front of two web processes and one worker process of the Release build in the Production
/// environment, configured only with the variables <c>deploy/compose.yaml</c> declares; the standalone fake Zalo; a
/// private Redis with a password (which the test stops and restarts) and a database on the test PostgreSQL. Every
/// port is a free ephemeral one on 127.0.0.1.
/// </summary>
public sealed class ProductionTopology : IAsyncDisposable
{
    public const string OaId = "2000000000000000002";
    public const string AppId = ZaloBotFactory.AppId;
    public const string OaSecretKey = "topology-oa-secret";
    public const string AdminEmail = "admin@q3.test";
    public const string AdminPassword = "mat-khau-quan-tri-9";

    private const string AppSecret = "topology-app-secret";
    private const string RedisPassword = "topology-redis-password";

    /// <summary>A Release start of the service takes 2–5 s on this machine; 60 s tolerates a loaded CI box.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<ChildProcess> _processes = [];
    private readonly string _directory;
    private readonly Dictionary<string, string> _settings = [];
    private TestDatabase? _database;
    private ChildProcess? _redis;
    private int _redisPort;
    private string _tlsThumbprint = "";

    private ProductionTopology(string directory) => _directory = directory;

    /// <summary>https://127.0.0.1:port of nginx.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port of the fake Zalo.</summary>
    public Uri FakeZalo { get; private set; } = null!;

    /// <summary>Direct addresses of the two web processes and the worker (for their health), keyed "web-1", "web-2", "worker".</summary>
    public IReadOnlyDictionary<string, Uri> Pods => _pods;

    public TestDatabase Database => _database!;

    private readonly Dictionary<string, Uri> _pods = [];

    public static async Task<ProductionTopology> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("zalobot-topology-").FullName;
        var topology = new ProductionTopology(directory);
        try
        {
            await topology.StartAllAsync();
            return topology;
        }
        catch
        {
            TestContext.Progress.WriteLine(topology.Logs());
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the proxy with its own cookie jar; redirects are not followed; only our certificate is trusted.</summary>
    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _tlsThumbprint,
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient CreateDirectClient(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Kills Redis (as a crash would; AOF is fsynced on every write, so nothing acknowledged is lost).</summary>
    public async Task StopRedisAsync()
    {
        await _redis!.KillAsync();
        _processes.Remove(_redis);
        await _redis.DisposeAsync();
    }

    public async Task StartRedisAsync()
    {
        _redis = ChildProcess.Start("redis", "redis-server",
        [
            "--port", _redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--requirepass", RedisPassword, "--appendonly", "yes", "--appendfsync", "always", "--save", "",
            "--dir", Directory.CreateDirectory(Path.Combine(_directory, "redis")).FullName,
        ], new Dictionary<string, string>(), _directory);
        _processes.Add(_redis);
        await EventuallyAsync("Redis accepts connections", async () =>
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, _redisPort);
            return true;
        }, _redis);
    }

    /// <summary>The tails of every process log, for a failure message.</summary>
    public string Logs() => string.Join("\n", _processes.Select(p => $"----- {p.Name} ({p.LogPath}) -----\n{p.Tail(25)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes).ToList())
        {
            await process.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still open by a dying process; the temp folder is cleaned by the OS.
        }
    }

    private static string Dll(string project)
    {
        var path = DeployFiles.PathOf("src", project, "bin", "Release", "net10.0", project + ".dll");
        Assert.That(File.Exists(path), Is.True, $"{path} is missing: build the solution in Release first (./zalobot test does).");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartAllAsync()
    {
        var clock = Stopwatch.StartNew();
        var (fakePort, web1, web2, worker, nginxPort) = (FreePort(), FreePort(), FreePort(), FreePort(), FreePort());
        _redisPort = FreePort();
        BaseAddress = new Uri($"https://127.0.0.1:{nginxPort}/");
        FakeZalo = new Uri($"http://127.0.0.1:{fakePort}/fake-zalo/");

        var fake = Start("fake-zalo", Dll("ZaloBot.FakeZalo"), [], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{fakePort}",
            ["Zalo__Fake__AppId"] = AppId,
            ["Zalo__Fake__AppSecret"] = AppSecret,
            ["Zalo__Fake__OaId"] = OaId,
        });
        await StartRedisAsync();
        _database = await TestDatabase.CreateEmptyAsync();

        var keyRingPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        _settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        _settings["AllowedHosts"] = "127.0.0.1";
        _settings["Proxy__KnownNetworks__0"] = "127.0.0.1/32";
        _settings["ConnectionStrings__Postgres"] = _database.ConnectionString;
        _settings["ConnectionStrings__Redis"] = $"127.0.0.1:{_redisPort}";
        _settings["Redis__Password"] = RedisPassword;
        _settings["KeyRing__Certificate"] = KeyRingCertificate(keyRingPassword);
        _settings["KeyRing__CertificatePassword"] = keyRingPassword;
        _settings["Webhook__OaId"] = OaId;
        _settings["Zalo__Webhook__AppId"] = AppId;
        _settings["Zalo__Webhook__OaSecretKey"] = OaSecretKey;
        _settings["Zalo__Tokens__OaId"] = OaId;
        _settings["Zalo__Tokens__AppId"] = AppId;
        _settings["Zalo__Tokens__AppSecret"] = AppSecret;
        _settings["Zalo__Api__OpenApiBaseUrl"] = FakeZalo.AbsoluteUri;
        _settings["Zalo__Api__OAuthBaseUrl"] = FakeZalo.AbsoluteUri;

        TestContext.Progress.WriteLine($"[topology] {clock.Elapsed.TotalSeconds:0.0} s fake Zalo, Redis, database");
        var service = Dll("ZaloBot.Web");
        await Start("migrate", service, ["migrate"], ComposeEnvironment("migrate", worker)).WaitForSuccessAsync(StartTimeout);
        // One after the other, as an operator would: both create the staff roles when missing.
        await Start("seed", service, ["seed"], ComposeEnvironment("migrate", worker)).WaitForSuccessAsync(StartTimeout);
        await Start("user-add", service, ["user", "add", "--email", AdminEmail, "--name", "Quản trị", "--role", "Admin"],
            ComposeEnvironment("migrate", worker), AdminPassword + "\n").WaitForSuccessAsync(StartTimeout);
        TestContext.Progress.WriteLine($"[topology] {clock.Elapsed.TotalSeconds:0.0} s migrated, seeded, admin created");
        foreach (var (name, role, port) in new[] { ("web-1", "web", web1), ("web-2", "web", web2), ("worker", "worker", worker) })
        {
            _pods[name] = new Uri($"http://127.0.0.1:{port}/");
            Start(name, service, ["serve"], ComposeEnvironment(role, port));
        }

        StartNginx(nginxPort, web1, web2);
        foreach (var (name, address) in _pods)
        {
            using var client = CreateDirectClient(address);
            await EventuallyAsync($"{name} is ready", async () => (await client.GetAsync("health/ready")).IsSuccessStatusCode,
                _processes.Single(p => p.Name == name));
        }

        using (var proxy = CreateClient())
        {
            await EventuallyAsync("nginx proxies https", async () => (await proxy.GetAsync("health/live")).IsSuccessStatusCode,
                _processes.Single(p => p.Name == "nginx"));
        }

        using (var control = new HttpClient { BaseAddress = FakeZalo })
        {
            await EventuallyAsync("the fake Zalo answers", async () =>
                (await control.PostAsync("_control/window?enforce=false", null)).IsSuccessStatusCode, fake);
        }

        TestContext.Progress.WriteLine($"[topology] started in {clock.Elapsed.TotalSeconds:0.0} s: nginx {BaseAddress}, web {web1}/{web2}, worker {worker}, fake Zalo {fakePort}, Redis {_redisPort}");
    }

    /// <summary>
    /// The environment of a compose service (deploy/compose.yaml), with this machine's values. Only the names the file
    /// declares are set; a name it declares that the test has no value for fails the test.
    /// </summary>
    private Dictionary<string, string> ComposeEnvironment(string service, int port)
    {
        var declared = DeployFiles.ComposeEnvironment(File.ReadAllText(DeployFiles.PathOf("deploy", "compose.yaml")), service);
        var environment = new Dictionary<string, string>();
        foreach (var (name, written) in declared)
        {
            environment[name] = name switch
            {
                "ASPNETCORE_URLS" => $"http://127.0.0.1:{port}",
                "Service__Role" => written,
                _ => _settings.TryGetValue(name, out var value)
                    ? value
                    : throw new AssertionException($"deploy/compose.yaml declares {name} for '{service}', which the production test does not know how to set"),
            };
        }

        var unused = _settings.Keys.Except(declared.Keys).ToList();
        Assert.That(unused, Is.Empty, $"the production test needs settings that deploy/compose.yaml does not declare for '{service}'");
        return environment;
    }

    private ChildProcess Start(string name, string dll, string[] args, Dictionary<string, string> environment, string? standardInput = null)
    {
        var process = ChildProcess.Start(name, "dotnet", [dll, .. args], environment, _directory, standardInput);
        _processes.Add(process);
        return process;
    }

    private void StartNginx(int port, int web1, int web2)
    {
        var root = Directory.CreateDirectory(Path.Combine(_directory, "nginx")).FullName;
        var temp = Directory.CreateDirectory(Path.Combine(root, "temp")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers may run as another user than its master (root here): they write proxy buffers here.
            File.SetUnixFileMode(temp, (UnixFileMode)0x1FF);
        }

        var (crt, key) = (Path.Combine(root, "tls.crt"), Path.Combine(root, "tls.key"));
        var openssl = ChildProcess.Start("openssl", "openssl",
        [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", crt,
        ], new Dictionary<string, string>(), _directory);
        openssl.WaitForSuccessAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        _tlsThumbprint = X509CertificateLoader.LoadCertificateFromFile(crt).Thumbprint;

        // As deploy/README describe the proxy: TLS here, plain HTTP to the pods, X-Forwarded-For/-Proto set. The Host
        // header keeps the port ($http_host) because this proxy does not listen on 443. X-Upstream tells the test
        // which pod answered; proxy_next_upstream off, so a POST is never replayed on the other pod.
        var conf = $$"""
            daemon off;
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                upstream zalobot_web {
                    server 127.0.0.1:{{web1}};
                    server 127.0.0.1:{{web2}};
                }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{crt}};
                    ssl_certificate_key {{key}};
                    client_max_body_size 1m;
                    location / {
                        proxy_pass http://zalobot_web;
                        proxy_next_upstream off;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """;
        var confPath = Path.Combine(root, "nginx.conf");
        File.WriteAllText(confPath, conf);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _processes.Add(ChildProcess.Start("nginx", nginx, ["-p", root + "/", "-c", confPath, "-e", Path.Combine(root, "error.log")],
            new Dictionary<string, string>(), _directory));
    }

    /// <summary>The key-ring certificate an operator makes once (README "Configuration"), as base64 PKCS#12.</summary>
    private static string KeyRingCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=zalobot-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, password));
    }

    private static async Task EventuallyAsync(string what, Func<Task<bool>> condition, ChildProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                Assert.Fail($"{process.Name} exited before '{what}':\n{process.Tail()}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
            {
                // not up yet
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"timed out waiting until {what}:\n{process.Tail()}");
    }
}
