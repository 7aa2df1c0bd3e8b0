namespace ZaloBot.Web.OaConnection;

/// <summary>What the callback needs from the start of a consent: the state to compare, the PKCE verifier, who began it.</summary>
public sealed record OaConsentState(string State, string Verifier, string RedirectUri, string StartedBy);
