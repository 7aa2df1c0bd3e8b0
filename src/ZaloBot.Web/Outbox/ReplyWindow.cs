namespace ZaloBot.Web.Outbox;

/// <summary>
/// Zalo's customer-service window (docs zalo-oa-api.md §5): free for 48 hours after the citizen's last
/// interaction, still sendable (billed) up to 7 days, then refused with error -230.
/// </summary>
public readonly record struct ReplyWindow(DateTimeOffset? LastInteractionAt, DateTimeOffset Now)
{
    public static readonly TimeSpan Free = TimeSpan.FromHours(48);

    public static readonly TimeSpan Paid = TimeSpan.FromDays(7);

    public DateTimeOffset? FreeUntil => LastInteractionAt + Free;

    public DateTimeOffset? PaidUntil => LastInteractionAt + Paid;

    public bool IsFree => FreeUntil > Now;

    public bool IsOpen => PaidUntil > Now;

    public TimeSpan FreeLeft => FreeUntil is { } f && f > Now ? f - Now : TimeSpan.Zero;

    public TimeSpan OpenLeft => PaidUntil is { } p && p > Now ? p - Now : TimeSpan.Zero;
}
