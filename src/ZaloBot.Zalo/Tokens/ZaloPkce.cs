using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// PKCE (RFC 7636, method S256) for the OAuth v4 consent: a 43-character verifier (32 random bytes, base64url) kept
/// by us, and its challenge <c>base64url(SHA-256(verifier))</c> sent in the consent link. The code exchange proves
/// possession of the verifier, so a stolen authorization code is useless. <see cref="ToString"/> hides the verifier.
/// </summary>
public sealed record ZaloPkce(string Verifier, string Challenge)
{
    /// <summary>32 bytes = 256 bits of entropy, the RFC's recommendation; base64url gives exactly 43 characters.</summary>
    private const int VerifierBytes = 32;

    public static ZaloPkce Create()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(VerifierBytes));
        return new ZaloPkce(verifier, ChallengeOf(verifier));
    }

    public static string ChallengeOf(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>A random opaque value for the <c>state</c> parameter (CSRF protection of the callback).</summary>
    public static string NewState() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public override string ToString() => $"ZaloPkce {{ Challenge = {Challenge} }}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
