using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// Shares this process's Zalo send rate between the two kinds of traffic: interactive replies always go at once and
/// are counted; notifications go only with what is left. A token bucket refilled at 95 % of the client's own limit
/// (<see cref="ZaloResilienceOptions.RateLimitPermitsPerMinute"/>, 3,600/min → 57/s), one second deep: a notification
/// waits until a token is free beyond <see cref="InteractiveReserve"/>, an interactive reply takes one even into debt.
/// So a 10,000-message broadcast drains at up to ~3,400/min when the citizens are quiet, and at whatever they leave
/// while they chat, and their replies never queue behind it in the client's limiter (which would add up to its whole
/// queue, ~17 s, to an answer).
/// </summary>
public sealed class OutboxPacer
{
    /// <summary>Tokens kept for interactive replies: 10 ≈ 175 ms of sends at 57/s, a burst of answers never waits.</summary>
    public const int InteractiveReserve = 10;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly double _capacity;
    private double _tokens;
    private long _last;

    public OutboxPacer(IOptions<ZaloResilienceOptions> zalo, TimeProvider time)
    {
        _time = time;
        _perSecond = zalo.Value.RateLimitPermitsPerMinute * 0.95 / 60.0;
        _capacity = Math.Max(_perSecond, InteractiveReserve + 1);
        _tokens = _capacity;
        _last = time.GetTimestamp();
    }

    /// <summary>An interactive reply is about to be sent: counted, never delayed.</summary>
    public void TakeInteractive()
    {
        lock (_lock)
        {
            Refill();
            _tokens = Math.Max(_tokens - 1, -_capacity);
        }
    }

    /// <summary>Waits until a notification may be sent without taking the interactive replies' share.</summary>
    public async Task WaitForNotificationAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                Refill();
                if (_tokens >= InteractiveReserve + 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((InteractiveReserve + 1 - _tokens) / _perSecond);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : wait, _time, cancellationToken);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + _time.GetElapsedTime(_last, now).TotalSeconds * _perSecond);
        _last = now;
    }
}
