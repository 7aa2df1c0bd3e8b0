using System.Collections.Concurrent;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Outbox;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// An <see cref="IInboundEventHandler"/> that records what it saw, detects two events of one user being handled at
/// once, can be told to fail for some texts, and replies (optionally) so the outbox path runs. Shared by hosts.
/// </summary>
public sealed class RecordingHandler : IInboundEventHandler
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new();

    public ConcurrentQueue<(string UserId, string Key, string? Text)> Seen { get; } = new();

    private int _overlaps;

    /// <summary>How many times an event started while another of the same user was being handled.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public bool Reply { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>Texts that make the handler throw.</summary>
    public ConcurrentDictionary<string, bool> FailOn { get; } = new();

    public IEnumerable<string> TextsOf(string userId) => Seen.Where(s => s.UserId == userId).Select(s => s.Text ?? "");

    public async Task<IReadOnlyList<OutboxPayload>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (_inFlight.AddOrUpdate(turn.ZaloUserId, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            var text = (turn.Event as UserMessageEvent)?.Text;
            if (text is not null && FailOn.ContainsKey(text))
            {
                throw new InvalidOperationException($"handler refused '{text}'");
            }

            Seen.Enqueue((turn.ZaloUserId, turn.DedupeKey, text));
            return Reply && text is not null ? [new OutboxPayload("re: " + text)] : [];
        }
        finally
        {
            _inFlight.AddOrUpdate(turn.ZaloUserId, 0, (_, n) => n - 1);
        }
    }
}
