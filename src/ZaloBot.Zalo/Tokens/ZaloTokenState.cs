namespace ZaloBot.Zalo.Tokens;

/// <summary>What the health check reports.</summary>
public enum ZaloTokenState
{
    /// <summary>Nothing loaded yet.</summary>
    Unknown,

    /// <summary>A valid token is held and the last refresh (if any) succeeded.</summary>
    Healthy,

    /// <summary>The last refresh failed; a human may need to act (re-consent in the console if the grant is lost).</summary>
    RefreshFailed,

    /// <summary>The store has no token pair for the OA: authorise the OA first.</summary>
    Missing,
}
