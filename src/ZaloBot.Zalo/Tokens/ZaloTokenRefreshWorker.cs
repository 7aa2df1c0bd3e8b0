using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// Checks the token every <see cref="ZaloTokenOptions.BackgroundCheckInterval"/> so the proactive refresh happens
/// even when no message is sent, and the health check shows the real state from start-up. Every process may run
/// it: the distributed lock and the re-read under it make the extra checks free.
/// </summary>
public sealed class ZaloTokenRefreshWorker(
    ZaloAccessTokenProvider provider,
    IOptions<ZaloTokenOptions> options,
    TimeProvider time,
    ILogger<ZaloTokenRefreshWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BackgroundCheckInterval, time);
        do
        {
            try
            {
                await provider.GetAccessTokenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store or lock may be briefly down; the status keeps the last known state. Try again next tick.
                logger.LogError(ex, "Zalo token check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
