namespace ZaloBot.Zalo.Events;

/// <summary><c>unfollow</c>: the user id is <c>follower.id</c>, the OA id the top-level <c>oa_id</c>.</summary>
public sealed record UnfollowEvent : ZaloEvent
{
    public string? Source { get; init; }
}
