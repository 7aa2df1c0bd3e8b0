namespace ZaloBot.Zalo.Api;

/// <summary>
/// Outcome of a send. <see cref="MessageIds"/> lists what Zalo accepted, in order (a long text is several
/// messages); on a failure part-way, it holds the parts already delivered so the caller can resume after them
/// instead of re-sending them. Store the ids: receipts and <c>oa_send_*</c> echoes reference them.
/// </summary>
public sealed record ZaloSendResult(IReadOnlyList<string> MessageIds, ZaloError? Error)
{
    public bool IsSuccess => Error is null;

    /// <summary>How many parts the request had (1 unless a text was split).</summary>
    public int PartCount { get; init; } = 1;
}
