using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Notifications;

/// <summary>Every <see cref="MailOptions.PollInterval"/>: queue the staff mails due now, then send what is queued.</summary>
public sealed class StaffNotificationWorker(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time, ILogger<StaffNotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var notifier = scope.ServiceProvider.GetRequiredService<StaffNotifier>();
                await notifier.QueueAsync(stoppingToken);
                await notifier.SendAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop the host; the next tick tries again.
                logger.LogError(ex, "Staff notifications failed; retrying in {Interval}", options.Value.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
