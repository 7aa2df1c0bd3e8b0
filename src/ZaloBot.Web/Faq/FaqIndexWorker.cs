using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Faq;

/// <summary>
/// Builds the FAQ index at start and rebuilds it whenever any instance publishes an FAQ change on Redis,
/// so an admin's edit is used everywhere within about a second (target: 2 s). If PostgreSQL is down at
/// start, it retries every few seconds; if Redis is down at start, it subscribes once Redis is back; if the
/// subscription drops, it rebuilds on reconnect.
/// </summary>
public sealed class FaqIndexWorker(
    LiveRecognizer recognizer,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    TimeProvider time,
    ILogger<FaqIndexWorker> logger) : BackgroundService
{
    /// <summary>Retry interval while the first build fails (database not reachable yet).</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _rebuild = new(0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += (_, _) => _rebuild.Release();
        try
        {
            await recognizer.RebuildAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The first FAQ index build failed; retrying in the background");
            _rebuild.Release();
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SubscribeAsync(stoppingToken), RebuildOnNoticeAsync(stoppingToken));

    /// <summary>
    /// Subscribes when Redis can be reached: a pod started during a Redis outage must start (the webhook falls back
    /// to PostgreSQL) and pick up FAQ notices once Redis is back. After the first success the multiplexer
    /// re-subscribes by itself on every reconnect.
    /// </summary>
    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        var missedNotices = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(keys.FaqChanged, (_, _) => _rebuild.Release());
                if (missedNotices)
                {
                    // Edits made while we were not subscribed were announced to nobody here: rebuild once.
                    _rebuild.Release();
                }

                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                missedNotices = true;
                logger.LogWarning("FAQ change subscription not possible yet ({Error}); retrying in {Delay}", ex.GetType().Name, RetryDelay);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    private async Task RebuildOnNoticeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _rebuild.WaitAsync(stoppingToken);
            // Several notices in a burst (an import) need one rebuild.
            while (_rebuild.CurrentCount > 0)
            {
                await _rebuild.WaitAsync(stoppingToken);
            }

            try
            {
                await recognizer.RebuildAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "FAQ index rebuild failed; retrying");
                await Task.Delay(RetryDelay, time, stoppingToken);
                _rebuild.Release();
            }
        }
    }

    public override void Dispose()
    {
        _rebuild.Dispose();
        base.Dispose();
    }
}
