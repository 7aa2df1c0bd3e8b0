namespace ZaloBot.Zalo.Events;

/// <summary>One entry of <c>message.attachments[]</c>; the subtype carries the payload fields.</summary>
public abstract record ZaloAttachment
{
    /// <summary>The attachment <c>type</c> as sent.</summary>
    public required string Type { get; init; }
}
