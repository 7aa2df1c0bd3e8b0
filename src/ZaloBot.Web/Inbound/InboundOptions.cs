using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Inbound;

/// <summary>Section "Inbound": the webhook's durable enqueue, the partitioned streams and their workers, media. Defaults are production values.</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>
    /// Inbound stream partitions (events go to partition hash(user) mod N). One owner per partition at a time keeps a
    /// user's events in order; N bounds the parallelism across users. 16 lets up to 16 workers share the load.
    /// </summary>
    [Range(1, 256)]
    public int Partitions { get; set; } = 16;

    /// <summary>
    /// Lease of a partition owner. 10 s: a crashed worker's partitions move to another within ~10 s; the owner renews
    /// every third of it, so two missed renewals (a 6 s stall) still keep it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts at one inbound event before it is dead-lettered. 5 with the delay below is ~6 s of retries.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay of a failing inbound event; doubles each attempt, capped at 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often idle workers poll Redis/PostgreSQL for work from other processes (same-process work wakes them at
    /// once). 50 ms keeps the end-to-end p99 under 100 ms when ingest and workers run in different processes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:10")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a seen dedupe key is kept. Zalo retries for ~1.8 h (some sources: 12 h); 3 days is ample.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Budget of the webhook's Redis enqueue before falling back to PostgreSQL. 500 ms leaves 1.5 s of Zalo's 2 s for
    /// the PostgreSQL insert.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01.500")]
    public TimeSpan IngestRedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>PostgreSQL inbox rows moved to the stream per round once Redis is back (50 per 50 ms poll drains 1,000/s).</summary>
    [Range(1, 1000)]
    public int ForwardBatchSize { get; set; } = 50;

    /// <summary>Largest media file downloaded from Zalo's CDN. 10 MB: Zalo caps images at 1 MB and files at 5 MB… with margin.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MediaMaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Timeout of one media download. 15 s for 10 MB is ~5 Mbit/s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
