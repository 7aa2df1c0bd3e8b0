namespace ZaloBot.Zalo.Webhook;

/// <summary>Why a webhook request's body could not be read.</summary>
public enum ZaloWebhookReadFailure
{
    /// <summary>Read in full.</summary>
    None,

    /// <summary>Larger than the limit (answer 413).</summary>
    TooLarge,

    /// <summary>Broken HTTP framing (bad chunk sizes, truncated body) or the client went away (answer 400).</summary>
    Malformed,
}
