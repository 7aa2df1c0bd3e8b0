using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Faq;

/// <summary>
/// Builds the FAQ index at start and rebuilds it whenever any instance publishes an FAQ change on Redis,
/// so an admin's edit is used everywhere within about a second (target: 2 s). If PostgreSQL is down at
/// start, it retries every few seconds; if the Redis subscription drops, it rebuilds on reconnect.
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
        await redis.GetSubscriber().SubscribeAsync(keys.FaqChanged, (_, _) => _rebuild.Release());
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
