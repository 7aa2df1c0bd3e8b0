namespace ZaloBot.Zalo.Api;

/// <summary>From <c>v3.0/oa/quota/message</c> for one user: when they last interacted (drives the 48 h / 7 d windows).</summary>
public sealed record ZaloMessageQuota
{
    /// <summary>Epoch milliseconds as sent.</summary>
    public string? LastInteractionRaw { get; init; }

    public DateTimeOffset? LastInteraction { get; init; }

    /// <summary><c>cs_reply.remain</c>; informational only (no longer a cap inside 48 h since 2026-01-01).</summary>
    public string? CsReplyRemain { get; init; }
}
