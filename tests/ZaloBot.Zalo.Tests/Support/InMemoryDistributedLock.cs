using System.Collections.Concurrent;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Support;

/// <summary>In-test <see cref="IZaloDistributedLock"/>: one semaphore per key, shared by every provider given it.</summary>
public sealed class InMemoryDistributedLock : IZaloDistributedLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    private int _acquisitions;

    public int Acquisitions => Volatile.Read(ref _acquisitions);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!await semaphore.WaitAsync(wait, cancellationToken))
        {
            return null;
        }

        Interlocked.Increment(ref _acquisitions);
        return new Releaser(semaphore);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }
}
