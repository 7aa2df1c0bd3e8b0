using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo.Webhook;

/// <summary>
/// Verifies <c>X-ZEvent-Signature</c> over the raw request bytes, in constant time. Buffer the body into a
/// <c>byte[]</c> before any model binding and pass it here unchanged: re-serialised JSON will not match.
/// No freshness window: Zalo re-delivers with the original body and timestamp for up to ~1.8 h, so duplicates
/// are handled by the dedupe key, not by rejecting old timestamps.
/// </summary>
public sealed class ZaloSignatureVerifier(IOptions<ZaloWebhookOptions> options)
{
    private readonly ZaloWebhookOptions _options = options.Value;

    /// <param name="signatureHeader">The header value, e.g. <c>mac=3f…</c>, <c>MAC = 3F…</c> or bare hex.</param>
    /// <param name="rawBody">The request body exactly as received.</param>
    public SignatureVerificationResult Verify(string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureVerificationResult.Missing();
        }

        var expected = ParseHeader(signatureHeader);
        if (expected is null)
        {
            return SignatureVerificationResult.Malformed("signature is not 64 hex characters");
        }

        var (timestamp, oaId) = ZaloSignature.ReadTopLevel(rawBody);
        if (timestamp is null)
        {
            return SignatureVerificationResult.Malformed("body is not a JSON object with a timestamp");
        }

        var actual = ZaloSignature.ComputeMac(_options.AppId, rawBody, timestamp, _options.OaSecretKey);
        if (CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return SignatureVerificationResult.Valid(SignatureVariant.AppId);
        }

        if (_options.AcceptOaIdVariant)
        {
            IReadOnlyList<string> candidates = oaId is not null ? [oaId] : ReadOaCandidates(rawBody);
            foreach (var first in candidates)
            {
                var alt = ZaloSignature.ComputeMac(first, rawBody, timestamp, _options.OaSecretKey);
                if (CryptographicOperations.FixedTimeEquals(alt, expected))
                {
                    return SignatureVerificationResult.Valid(SignatureVariant.OaId);
                }
            }
        }

        return SignatureVerificationResult.Mismatch();
    }

    /// <summary>Accepts <c>mac=HEX</c> with any case and spaces around <c>=</c>, or bare hex; null when malformed.</summary>
    internal static byte[]? ParseHeader(string header)
    {
        var value = header.AsSpan().Trim();
        if (value.StartsWith("mac", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value[3..].TrimStart();
            if (rest.Length > 0 && rest[0] == '=')
            {
                value = rest[1..].Trim();
            }
        }

        if (value.Length != 64)
        {
            return null;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return Convert.FromHexString(value);
    }

    /// <summary>
    /// Without a top-level <c>oa_id</c> (message events), the OA id is one of <c>sender.id</c>/<c>recipient.id</c>
    /// depending on direction; try both: a wrong one just fails to match.
    /// </summary>
    private static List<string> ReadOaCandidates(ReadOnlySpan<byte> rawBody)
    {
        var ids = new List<string>(2);
        try
        {
            using var doc = JsonDocument.Parse(rawBody.ToArray());
            foreach (var name in (string[])["recipient", "sender"])
            {
                if (doc.RootElement.TryGetProperty(name, out var party) && party.ValueKind == JsonValueKind.Object
                    && party.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or an id that is not valid text: no candidate from this body; the MAC simply fails to match.
        }

        return ids;
    }
}
