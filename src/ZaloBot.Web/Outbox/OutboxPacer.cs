using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// Shares the OA's Zalo send rate between the two kinds of traffic: interactive replies always go at once and are
/// counted; notifications go only with what is left. A token bucket refilled at 95 % of the client's own limit
/// (<see cref="ZaloResilienceOptions.RateLimitPermitsPerMinute"/>, 3,600/min → 57/s, 0.57 every 10 ms), holding at
/// most <see cref="InteractiveReserve"/> + <see cref="NotificationBurst"/> tokens, kept in
/// <see cref="IZaloRateBudget"/>: in the web host a Redis bucket per OA that every worker process shares, so N workers
/// together drain at 57/s, not N × 57/s (<see cref="ZaloTokens.RedisRateBudget"/>). A notification waits until a token
/// is free beyond <see cref="InteractiveReserve"/>, an interactive reply takes one even into debt (down to one second
/// of the rate). So a 10,000-message broadcast drains at up to ~3,400/min when the citizens are quiet, and at whatever
/// they leave while they chat, and their replies never queue behind it in the client's limiter (which would add up to its
/// whole queue, ~17 s, to an answer).
/// </summary>
public sealed class OutboxPacer
{
    /// <summary>Tokens kept for interactive replies: 10 ≈ 175 ms of sends at 57/s, a burst of answers never waits.</summary>
    public const int InteractiveReserve = 10;

    /// <summary>
    /// Notifications sent at once after a pause: 10. The client's limiter has only 3/s of slack over this pacer (60/s
    /// against 57/s), so a larger burst while citizens chat is paid by their answers: with the bucket one second deep
    /// (57), a notification lane resuming after a 30 s pause sent 46 at once and the answers waited 1–2 s for the next
    /// 11 s (`./zalobot bench perf burst`, 2026-12-02 19:38 UTC).
    /// </summary>
    public const int NotificationBurst = 10;

    /// <summary>Refill step: 10 ms, so the bucket refills almost continuously (0.57 tokens a step at 57/s).</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    /// <summary>The shortest wait between two looks at the budget while notifications wait: 5 ms.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(5);

    private readonly IZaloRateBudget _budget;
    private readonly TimeProvider _time;
    private readonly RateBucket _notification;
    private readonly RateBucket _interactive;

    public OutboxPacer(IZaloRateBudget budget, IOptions<ZaloResilienceOptions> zalo, IOptions<ZaloTokenOptions> tokens, TimeProvider time)
    {
        _budget = budget;
        _time = time;
        var perSecond = zalo.Value.RateLimitPermitsPerMinute * 0.95 / 60.0;
        var bucket = new RateBucket("pace:" + tokens.Value.OaId, perSecond * Step.TotalSeconds, Step, InteractiveReserve + NotificationBurst);
        _notification = bucket.Keeping(InteractiveReserve);
        _interactive = bucket.InDebtTo(-Math.Max(perSecond, 1));
    }

    /// <summary>An interactive reply is about to be sent: counted, never delayed.</summary>
    public async Task TakeInteractiveAsync(CancellationToken cancellationToken) =>
        await _budget.TryTakeAsync(_interactive, cancellationToken);

    /// <summary>Waits until a notification may be sent without taking the interactive replies' share.</summary>
    public async Task WaitForNotificationAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await TryTakeNotificationAsync(cancellationToken);
            if (answer.Granted)
            {
                return;
            }

            await Task.Delay(answer.RetryAfter < MinimumWait ? MinimumWait : answer.RetryAfter, _time, cancellationToken);
        }
    }

    /// <summary>One look at the budget for a notification: a token beyond the reserve, or how long until there may be one.</summary>
    public ValueTask<RateBudgetAnswer> TryTakeNotificationAsync(CancellationToken cancellationToken) =>
        _budget.TryTakeAsync(_notification, cancellationToken);
}
