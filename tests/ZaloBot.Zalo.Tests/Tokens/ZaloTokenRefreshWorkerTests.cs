using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Zalo.Tests.Support;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Tokens;

public sealed class ZaloTokenRefreshWorkerTests
{
    [Test]
    public async Task Worker_IdleProcessEntersRefreshLead_RefreshesWithoutTraffic()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var fake = await FakeZaloHost.StartAsync();
        await using var harness = ZaloClientHarness.Create(fake, time: time);
        var worker = harness.Services.GetServices<IHostedService>().OfType<ZaloTokenRefreshWorker>().Single();

        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => harness.Tokens.Status.State == ZaloTokenState.Healthy);
        for (var i = 0; i < 147; i++) // 147 × 10 min = 24.5 h: inside the 1 h lead of the 25 h token
        {
            time.Advance(TimeSpan.FromMinutes(10));
        }

        // The status changes only after the new pair is stored, so wait on it rather than on the fake's counter.
        await WaitUntilAsync(() => harness.Tokens.Status.LastRefreshAt is not null);
        await worker.StopAsync(CancellationToken.None);

        Assert.That(fake.State.RefreshCount, Is.EqualTo(1));
        Assert.That(harness.Store.Peek(fake.State.Options.OaId)!.IssuedAt, Is.EqualTo(time.GetUtcNow()));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Real time: the worker runs on the thread pool; 5 s is generous for an in-process HTTP call.
        var deadline = TimeProvider.System.GetTimestamp() + TimeProvider.System.TimestampFrequency * 5;
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                Assert.Fail("condition not met within 5 s");
            }

            await Task.Delay(10);
        }
    }
}
