namespace ZaloBot.Web.Hosting;

/// <summary>
/// Wakes idle workers in this process as soon as there is work, so same-process latency does not depend on the
/// poll interval (other processes' work is found by polling). Never loses a pulse: a worker reads
/// <see cref="Version"/> before it polls and passes it to <see cref="WaitAsync"/>, which returns at once if a pulse
/// came in between.
/// </summary>
public abstract class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Pulse()
    {
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits for a pulse after <paramref name="seenVersion"/> or <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(long seenVersion, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var pulse = Volatile.Read(ref _next).Task;
        if (Version != seenVersion)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(pulse, delay);
        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
