using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Web.Outbox;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Web.Tests.Outbox;

public sealed class OutboxPacerTests
{
    [Test]
    public async Task InteractiveRepliesTakeTheBudget_NotificationsGetOnlyWhatIsLeft()
    {
        // 3,600/min → 57 tokens/s at 95 %; the bucket starts full (57).
        var time = new FakeTimeProvider();
        var pacer = new OutboxPacer(Options.Create(new ZaloResilienceOptions()), time);
        for (var i = 0; i < 60; i++)
        {
            pacer.TakeInteractive(); // never waits, even into debt
        }

        var notification = pacer.WaitForNotificationAsync(CancellationToken.None);
        await Task.Yield();
        var waitedWhileSpent = !notification.IsCompleted;
        // 14 tokens back (3 of debt, 10 reserved, 1 to take) need ~0.25 s.
        for (var i = 0; i < 30 && !notification.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(5);
        }

        Assert.That(waitedWhileSpent, Is.True, "a notification waits while interactive replies use the budget");
        Assert.That(notification.IsCompleted, Is.True, "and goes once the budget is back beyond the interactive reserve");
    }

    [Test]
    public async Task QuietCitizens_NotificationsDrainAtNinetyFivePercentOfTheClientLimit()
    {
        var time = new FakeTimeProvider();
        var pacer = new OutboxPacer(Options.Create(new ZaloResilienceOptions()), time);
        var sent = 0;
        var run = Task.Run(async () =>
        {
            while (true)
            {
                await pacer.WaitForNotificationAsync(CancellationToken.None);
                Interlocked.Increment(ref sent);
            }
        });
        for (var i = 0; i < 200; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(10);
        }

        // 10 s of fake time: the first 46 tokens (57 minus the reserve of 11) at once, then 57/s → ≈ 616; never above.
        Assert.That(Volatile.Read(ref sent), Is.InRange(300, 617));
        Assert.That(run.IsFaulted, Is.False);
    }
}
