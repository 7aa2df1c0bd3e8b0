using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Hosting;

/// <summary>Section "Health".</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// A worker that has not reported for this long is considered stuck. Workers beat at least every
    /// few seconds (their poll interval), so 30 s tolerates a long GC pause or a slow batch.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WorkerStaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each dependency check gives up after this long; readiness probes usually time out at 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
