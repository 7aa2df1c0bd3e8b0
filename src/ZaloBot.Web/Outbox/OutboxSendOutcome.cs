namespace ZaloBot.Web.Outbox;

/// <summary>What <see cref="OutboxSender.SendAsync"/> did with a claimed row.</summary>
public enum OutboxSendOutcome
{
    /// <summary>Sent, failed for good, or held as "unknown — check": the user's next row may go.</summary>
    Finished,

    /// <summary>Back to Queued for a later attempt: the user's later rows wait (order).</summary>
    Requeued,

    /// <summary>Not attempted: the claim was no longer ours. The user's later rows are released too.</summary>
    NotAttempted,
}
