namespace ZaloBot.Web.Webhook;

/// <summary>Where an accepted event went.</summary>
public enum IngestOutcome
{
    /// <summary>Added to the Redis stream.</summary>
    Queued,

    /// <summary>Seen before (same dedupe key): nothing added.</summary>
    Duplicate,

    /// <summary>Redis was unreachable: stored in PostgreSQL (InboxEvent Pending), forwarded when Redis is back.</summary>
    StoredInPostgres,

    /// <summary>Neither Redis nor PostgreSQL could take it: answer 503 so Zalo retries.</summary>
    Unavailable,
}
