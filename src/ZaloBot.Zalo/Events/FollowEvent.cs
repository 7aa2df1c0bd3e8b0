namespace ZaloBot.Zalo.Events;

/// <summary><c>follow</c>: the user id is <c>follower.id</c>, the OA id the top-level <c>oa_id</c>. Counts as an interaction.</summary>
public sealed record FollowEvent : ZaloEvent
{
    /// <summary>Where the follow came from (e.g. <c>oa_profile</c>), when sent.</summary>
    public string? Source { get; init; }
}
