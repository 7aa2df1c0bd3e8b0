namespace ZaloBot.Zalo.Webhook;

/// <summary>Outcome of checking <c>X-ZEvent-Signature</c>. Only <see cref="Valid"/> may be enqueued.</summary>
public enum SignatureStatus
{
    /// <summary>The MAC matched.</summary>
    Valid,

    /// <summary>No <c>X-ZEvent-Signature</c> header (or an empty one).</summary>
    MissingHeader,

    /// <summary>The header is not 64 hex characters, or the body is not JSON with a <c>timestamp</c>.</summary>
    Malformed,

    /// <summary>Well-formed but wrong: tampered body, wrong secret, or a forged request.</summary>
    Mismatch,
}
