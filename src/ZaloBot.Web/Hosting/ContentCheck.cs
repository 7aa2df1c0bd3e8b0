namespace ZaloBot.Web.Hosting;

/// <summary>
/// Loads every registered content text file when the host starts, so a missing or mistyped key stops the start
/// (as <c>ValidateOnStart</c> does for options) instead of failing on the first staff request that needs it.
/// </summary>
internal sealed class ContentCheck(IServiceProvider services, IEnumerable<ContentCheckEntry> entries) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            _ = services.GetRequiredService(entry.TextsType);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One content texts type to load at start.</summary>
internal sealed record ContentCheckEntry(Type TextsType);
