namespace ZaloBot.Zalo.Api;

/// <summary>Whether a request may be repeated when its outcome is unknown. Stored in <c>HttpRequestMessage.Options</c>.</summary>
internal enum ZaloRequestSafety
{
    /// <summary>Reads (user/detail, quota/message) and uploads: repeating them has no effect a citizen sees.</summary>
    Idempotent,

    /// <summary>Message sends and token refreshes: repeated only when Zalo surely did not process the first try.</summary>
    AtMostOnce,
}
