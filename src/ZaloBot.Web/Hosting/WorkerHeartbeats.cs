using System.Collections.Concurrent;

namespace ZaloBot.Web.Hosting;

/// <summary>Background workers report here each loop; readiness fails when a registered worker stops beating.</summary>
public sealed class WorkerHeartbeats(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _beats = new(StringComparer.Ordinal);

    public void Beat(string worker) => _beats[worker] = time.GetUtcNow();

    public void Remove(string worker) => _beats.TryRemove(worker, out _);

    public IReadOnlyDictionary<string, DateTimeOffset> Snapshot() => new Dictionary<string, DateTimeOffset>(_beats, StringComparer.Ordinal);
}
