using System.Globalization;

namespace ZaloBot.Bench.Faults;

/// <summary>
/// CPU time (user + system, from /proc/PID/stat) of the processes a turn runs on: the service, our private PostgreSQL
/// (the postmaster found by its <c>-p PORT</c> argument, and every backend it forked) and our private Redis server.
/// On a shared machine the CPU a turn costs is a steadier figure than its wall time: the load of other processes
/// stretches the wall time but not the CPU spent.
/// </summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public sealed record Sample(double Service, double Postgres, double Redis);

    public static Sample Take(int servicePid, int postgresPort, int redisPort)
    {
        var postmaster = Find(args => args.Length > 0 && args[0].EndsWith("/postgres", StringComparison.Ordinal)
                                      && Array.IndexOf(args, "-p") is var i and >= 0 && i + 1 < args.Length
                                      && args[i + 1] == postgresPort.ToString(CultureInfo.InvariantCulture));
        var redis = Find(args => args.Length > 0 && args[0].StartsWith("redis-server", StringComparison.Ordinal)
                                 && args[0].Trim().EndsWith(":" + redisPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var postgres = 0.0;
        if (postmaster is { } pm)
        {
            foreach (var pid in Pids())
            {
                if (pid == pm || Stat(pid) is { Parent: var parent } && parent == pm)
                {
                    postgres += Seconds(pid);
                }
            }
        }

        return new Sample(Seconds(servicePid), postgres, redis is { } r ? Seconds(r) : 0);
    }

    private static double Seconds(int pid) => Stat(pid) is { } s ? (s.User + s.System) / TicksPerSecond : 0;

    private static (int Parent, long User, long System)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // After the command name in parentheses: state ppid … utime (14th field) stime (15th).
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[11], CultureInfo.InvariantCulture), long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static int? Find(Func<string[], bool> match)
    {
        foreach (var pid in Pids())
        {
            try
            {
                var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (match(args))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1)
            .Where(pid => pid > 0);
}
