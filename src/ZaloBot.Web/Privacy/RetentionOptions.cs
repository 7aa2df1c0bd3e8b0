using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Privacy;

/// <summary>
/// Section "Retention": how long citizens' data that no longer serves its purpose is kept. Tickets themselves are
/// the office's record (kept; their contact data goes when consent is withdrawn or a deletion request is handled).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Raw bodies of inbound events already handled (state Forwarded, including those kept raw). 30 days: long after
    /// Zalo's last redelivery (~1.8 h) and the 3-day dedupe, long enough to investigate a complaint.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan InboxPayloads { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Dead letters (kept longer: each one needs a person to look at it and maybe re-drive it).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan DeadLetters { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Conversation lines. 180 days covers a ticket's handling (10 working days, extendable) and a reopened one; the
    /// ticket keeps what the citizen reported.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Transcript { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Processed markers of inbound events (<c>processed_events</c>, one short row per event). A marker must outlive
    /// every way the same event can reach the turn again: Zalo redelivers for ~1.8 h and the webhook dedupe
    /// (<c>Inbound:DedupeRetention</c>, 3 days) stops those; after that, <c>Webhook:MaxEventAge</c> (1 day) refuses the
    /// replay. Inside the window a stream redelivery (crash, lease loss) or an inbox re-forward stops at the marker.
    /// 30 days is ten times the dedupe window; start-up refuses a value not longer than <c>Inbound:DedupeRetention</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ProcessedEvents { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Photos and files never attached to a ticket (sent outside a report, or a report abandoned). 7 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan OrphanAttachments { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the worker runs. Hourly: each run deletes in batches of <see cref="BatchSize"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RunEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so a first run over a large backlog never holds long locks.</summary>
    [Range(10, 100_000)]
    public int BatchSize { get; set; } = 1000;
}
