namespace ZaloBot.Zalo.Api;

/// <summary>The small taxonomy every Zalo failure maps to. Only <see cref="Retryable"/> is worth trying again as is.</summary>
public enum ZaloErrorCategory
{
    /// <summary>-32 rate limit, -100 expired attachment (re-upload first), -200 send failed, 5xx, timeouts, transport, open circuit.</summary>
    Retryable,

    /// <summary>-216 invalid / -220 expired access token. The client already refreshed once and retried once.</summary>
    TokenExpired,

    /// <summary>The user cannot be messaged now: -213, -217, -227, -230, -232, -234, -244. Do not retry.</summary>
    OutsideWindow,

    /// <summary>Everything else: bad payload, configuration, permissions. Do not retry; alert if it persists.</summary>
    Permanent,
}
