namespace ZaloBot.Zalo.Events;

/// <summary>
/// <c>oa_send_*</c>: an echo of a message the OA sent. With <see cref="AdminId"/> a human replied from the
/// OA Manager chat tool; without it, it is the echo of an API send (ours): drop it or match it by message id.
/// </summary>
public sealed record OaMessageEchoEvent : ZaloEvent
{
    public required ZaloMessageKind Kind { get; init; }

    public required string MessageId { get; init; }

    public string? Text { get; init; }

    /// <summary><c>sender.admin_id</c>, present when a human staff member sent the message.</summary>
    public string? AdminId { get; init; }

    public bool IsSentByHuman => AdminId is not null;

    public IReadOnlyList<ZaloAttachment> Attachments { get; init; } = [];
}
