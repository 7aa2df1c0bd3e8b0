namespace ZaloBot.Bench.Faults;

/// <summary>Where the fault suite finds the binaries and our private stores (never anybody else's).</summary>
public sealed record FaultSuiteSettings(
    string WebDll, string FakeDll, string PostgresConnectionString, int PostgresPort, int RedisPort, string WorkDirectory, IReadOnlySet<string> Only,
    bool Performance = false,
    int SoakSeconds = 600,
    int ZaloLatencyMs = 0);
