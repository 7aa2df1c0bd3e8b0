namespace ZaloBot.Web.Storage;

/// <summary>
/// A value read from PostgreSQL and kept for a while: every reader within <c>age</c> of the last load shares it, one
/// load runs at a time per process (the readers that find it stale together wait for the same new one), and
/// <see cref="Invalidate"/> makes the next reader load again — a load already running when it is called is not used.
/// For data that many turns read and few writers change: a writer in this process invalidates, one in another process
/// is seen within the age.
/// </summary>
public sealed class TimedSnapshot<T>(Func<CancellationToken, Task<T>> load, Func<TimeSpan> age, TimeProvider time) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Taken? _current;
    private long _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return IsFresh(current) ? current!.Value : await LoadAsync(cancellationToken);
    }

    private bool IsFresh(Taken? taken) =>
        taken is not null && taken.Generation == Interlocked.Read(ref _generation) && time.GetElapsedTime(taken.At) < age();

    private async Task<T> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _current) is { } current && IsFresh(current))
            {
                return current.Value;
            }

            // Generation and time before the load: a write committed while it runs makes the value stale again.
            var generation = Interlocked.Read(ref _generation);
            var at = time.GetTimestamp();
            var value = await load(cancellationToken);
            Volatile.Write(ref _current, new Taken(value, generation, at));
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private sealed record Taken(T Value, long Generation, long At);
}
