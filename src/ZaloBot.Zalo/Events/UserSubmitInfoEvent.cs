namespace ZaloBot.Zalo.Events;

/// <summary>
/// <c>user_submit_info</c>: the answer to a <c>request_user_info</c> template. Both the flat shape
/// (<c>info.address/city/district</c>) and the newer one (<c>info.full_address.user_address/user_city/user_ward</c>,
/// plus <c>user_dob</c>, <c>gender</c>) fill the same properties. Personal data: never log these values.
/// </summary>
public sealed record UserSubmitInfoEvent : ZaloEvent
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Ward { get; init; }

    public string? District { get; init; }

    public string? City { get; init; }

    /// <summary><c>user_dob</c> as sent, e.g. <c>30/10/1999</c>.</summary>
    public string? DateOfBirth { get; init; }

    public string? Gender { get; init; }
}
