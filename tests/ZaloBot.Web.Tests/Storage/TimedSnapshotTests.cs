using Microsoft.Extensions.Time.Testing;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Tests.Storage;

public sealed class TimedSnapshotTests
{
    private static readonly TimeSpan Age = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ReadersWithinTheAge_ShareOneLoad_AndTheNextAfterItLoadsAgain()
    {
        var time = new FakeTimeProvider();
        var loads = 0;
        using var snapshot = new TimedSnapshot<string>(_ => Task.FromResult($"v{Interlocked.Increment(ref loads)}"), () => Age, time);

        Assert.That(await snapshot.GetAsync(CancellationToken.None), Is.EqualTo("v1"));
        time.Advance(Age - TimeSpan.FromMilliseconds(1));
        Assert.That(await snapshot.GetAsync(CancellationToken.None), Is.EqualTo("v1"));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await snapshot.GetAsync(CancellationToken.None), Is.EqualTo("v2"));
        Assert.That(loads, Is.EqualTo(2));
    }

    [Test]
    public async Task ReadersThatFindItStaleTogether_WaitForOneLoad()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        using var snapshot = new TimedSnapshot<string>(_ => { Interlocked.Increment(ref loads); return release.Task; }, () => Age, new FakeTimeProvider());

        var readers = Enumerable.Range(0, 20).Select(_ => snapshot.GetAsync(CancellationToken.None).AsTask()).ToList();
        release.SetResult("only");

        Assert.That(await Task.WhenAll(readers), Is.All.EqualTo("only"));
        Assert.That(loads, Is.EqualTo(1));
    }

    [Test]
    public async Task Invalidate_MakesTheNextReaderLoad_EvenALoadRunningWhenItWasCalledIsNotKept()
    {
        var loads = 0;
        TaskCompletionSource<string>? gate = null;
        using var snapshot = new TimedSnapshot<string>(async _ =>
        {
            var n = Interlocked.Increment(ref loads);
            return gate is null ? $"v{n}" : await gate.Task + n;
        }, () => Age, new FakeTimeProvider());

        Assert.That(await snapshot.GetAsync(CancellationToken.None), Is.EqualTo("v1"));
        snapshot.Invalidate();
        gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var during = snapshot.GetAsync(CancellationToken.None).AsTask();
        snapshot.Invalidate(); // a write commits while the second load runs
        gate.SetResult("old");
        Assert.That(await during, Is.EqualTo("old2"));

        gate = null;
        Assert.That(await snapshot.GetAsync(CancellationToken.None), Is.EqualTo("v3"), "the load that overlapped the write is not reused");
    }

    [Test]
    public void AFailedLoad_IsNotKept_AndTheNextReaderTriesAgain()
    {
        var fail = true;
        using var snapshot = new TimedSnapshot<string>(_ => fail ? throw new TimeoutException("db down") : Task.FromResult("ok"), () => Age, new FakeTimeProvider());

        Assert.ThrowsAsync<TimeoutException>(async () => await snapshot.GetAsync(CancellationToken.None));
        fail = false;
        Assert.That(async () => await snapshot.GetAsync(CancellationToken.None), Is.EqualTo("ok"));
    }
}
