using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ZaloBot.Zalo.Webhook;

/// <summary>
/// The webhook MAC formula and the signer used by the simulator, tests and benchmarks:
/// <c>mac = lowercase_hex(SHA256(first + raw_body + timestamp + oa_secret_key))</c>, where <c>first</c> is the
/// app id (official SDK) or, in a disputed variant, the OA id. Plain SHA-256, not HMAC.
/// </summary>
public static class ZaloSignature
{
    /// <summary>Header Zalo sends the MAC in.</summary>
    public const string HeaderName = "X-ZEvent-Signature";

    /// <summary>Computes the raw 32-byte MAC over <c>UTF8(first) ‖ body ‖ UTF8(timestamp) ‖ UTF8(secret)</c>.</summary>
    public static byte[] ComputeMac(string first, ReadOnlySpan<byte> rawBody, string timestamp, string secret)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(first));
        hash.AppendData(rawBody);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(secret));
        return hash.GetHashAndReset();
    }

    /// <summary>Lowercase hex MAC for a body whose <c>timestamp</c> is read from the JSON, as Zalo does.</summary>
    public static string Sign(string appId, ReadOnlySpan<byte> rawBody, string oaSecretKey)
    {
        var timestamp = ReadTimestamp(rawBody)
            ?? throw new ArgumentException("The body has no timestamp field.", nameof(rawBody));
        return Convert.ToHexStringLower(ComputeMac(appId, rawBody, timestamp, oaSecretKey));
    }

    /// <summary>The full header value Zalo would send: <c>mac=&lt;hex&gt;</c>.</summary>
    public static string SignHeader(string appId, ReadOnlySpan<byte> rawBody, string oaSecretKey) =>
        "mac=" + Sign(appId, rawBody, oaSecretKey);

    /// <summary>
    /// The <c>timestamp</c> exactly as its characters appear in the body: a JSON string's value or a number's raw text.
    /// Null when the body is not a JSON object or has no usable timestamp.
    /// </summary>
    public static string? ReadTimestamp(ReadOnlySpan<byte> rawBody) => ReadTopLevel(rawBody).Timestamp;

    internal static (string? Timestamp, string? OaId) ReadTopLevel(ReadOnlySpan<byte> rawBody)
    {
        try
        {
            var reader = new Utf8JsonReader(rawBody);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            string? timestamp = null, oaId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("timestamp"u8);
                var isOaId = reader.ValueTextEquals("oa_id"u8);
                reader.Read();
                if (isTimestamp || isOaId)
                {
                    string? value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                    if (isTimestamp) timestamp = value; else oaId = value;
                }
                else
                {
                    reader.Skip();
                }
            }

            return (string.IsNullOrEmpty(timestamp) ? null : timestamp, oaId);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that cannot be transcoded (lone surrogate); not a usable timestamp.
            return (null, null);
        }
    }
}
