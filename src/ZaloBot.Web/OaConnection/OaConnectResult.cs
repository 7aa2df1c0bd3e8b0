namespace ZaloBot.Web.OaConnection;

/// <summary>The outcome and, on failure, the technical detail (Zalo's code and description; no secrets).</summary>
public sealed record OaConnectResult(OaConnectOutcome Outcome, string? Detail = null)
{
    public bool IsConnected => Outcome == OaConnectOutcome.Connected;
}
