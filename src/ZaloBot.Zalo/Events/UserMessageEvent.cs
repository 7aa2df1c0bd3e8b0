namespace ZaloBot.Zalo.Events;

/// <summary>
/// <c>user_send_*</c>: a citizen wrote to the OA. A tap on an <c>oa.query.*</c> button also arrives here as
/// <c>user_send_text</c> with the button payload as <see cref="Text"/>.
/// </summary>
public sealed record UserMessageEvent : ZaloEvent
{
    public required ZaloMessageKind Kind { get; init; }

    public required string MessageId { get; init; }

    /// <summary>The text; for locations possibly an address, for business cards the contact's name.</summary>
    public string? Text { get; init; }

    /// <summary>The inbound <c>message.quote_msg_id</c> when the user replied to a message.</summary>
    public string? QuoteMessageId { get; init; }

    public IReadOnlyList<ZaloAttachment> Attachments { get; init; } = [];
}
