namespace ZaloBot.Zalo.Tokens;

/// <summary>A successful answer of <c>v4/oa/access_token</c>. <see cref="ToString"/> never prints the tokens.</summary>
public sealed record ZaloTokenGrant(string AccessToken, string RefreshToken, TimeSpan ExpiresIn)
{
    public override string ToString() => $"ZaloTokenGrant {{ ExpiresIn = {ExpiresIn} }}";
}
