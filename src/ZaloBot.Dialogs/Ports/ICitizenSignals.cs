namespace ZaloBot.Dialogs.Ports;

/// <summary>Records that improve the service or that the law requires. Idempotent by key.</summary>
public interface ICitizenSignals
{
    /// <summary>A question the bot could not answer (for the FAQ editors).</summary>
    Task RecordUnansweredQuestionAsync(string zaloUserId, string question, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>👍/👎 on an FAQ answer.</summary>
    Task RecordFaqVoteAsync(string zaloUserId, string slug, bool helpful, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>"Xóa dữ liệu của tôi": a deletion request for the office to process.</summary>
    Task RecordDeletionRequestAsync(string zaloUserId, string idempotencyKey, CancellationToken cancellationToken);
}
