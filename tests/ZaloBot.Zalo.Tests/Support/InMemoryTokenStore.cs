using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Support;

/// <summary>In-test <see cref="IZaloTokenStore"/> with real compare-and-swap semantics and a write log.</summary>
public sealed class InMemoryTokenStore : IZaloTokenStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ZaloTokenSet> _sets = [];

    public int SuccessfulWrites { get; private set; }

    /// <summary>When set, <see cref="TryReplaceAsync"/> throws it (a database outage).</summary>
    public Exception? FailWritesWith { get; set; }

    public void Seed(string oaId, ZaloTokenSet set)
    {
        lock (_lock)
        {
            _sets[oaId] = set;
        }
    }

    public ZaloTokenSet? Peek(string oaId)
    {
        lock (_lock)
        {
            return _sets.GetValueOrDefault(oaId);
        }
    }

    public Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken) => Task.FromResult(Peek(oaId));

    public Task<bool> TryReplaceAsync(string oaId, string? expectedRefreshToken, ZaloTokenSet next, CancellationToken cancellationToken)
    {
        if (FailWritesWith is { } ex)
        {
            throw ex;
        }

        lock (_lock)
        {
            var current = _sets.GetValueOrDefault(oaId);
            if (current?.RefreshToken != expectedRefreshToken)
            {
                return Task.FromResult(false);
            }

            _sets[oaId] = next;
            SuccessfulWrites++;
            return Task.FromResult(true);
        }
    }
}
