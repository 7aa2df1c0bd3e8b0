namespace ZaloBot.Zalo.Api;

/// <summary>The fields of <c>v3.0/oa/user/detail</c> we use. Personal data: never log.</summary>
public sealed record ZaloUserProfile
{
    public required string UserId { get; init; }

    public string? UserIdByApp { get; init; }

    public string? DisplayName { get; init; }

    public bool? IsFollower { get; init; }

    /// <summary><c>avatars["240"]</c>, else <c>avatar</c>.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary><c>user_last_interaction_date</c> as sent ("dd/MM/yyyy").</summary>
    public string? LastInteractionDate { get; init; }
}
