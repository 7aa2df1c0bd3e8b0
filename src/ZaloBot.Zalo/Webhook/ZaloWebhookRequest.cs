using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ZaloBot.Zalo.Webhook;

/// <summary>
/// What the webhook endpoint needs from an inbound request, read before any model binding: the raw body bytes
/// (the MAC covers them exactly), the <c>X-ZEvent-Signature</c> header and Zalo's <c>num_retry</c> redelivery count.
/// </summary>
public sealed record ZaloWebhookRequest(byte[] Body, string? Signature, int RetryCount)
{
    /// <summary>
    /// Webhook bodies are small JSON (media arrive as URLs); 256 KiB is far above any event and keeps a hostile
    /// sender from making us buffer megabytes before the MAC check.
    /// </summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>Reads the request; null when the body exceeds <paramref name="maxBodyBytes"/> (answer 413).</summary>
    public static async Task<ZaloWebhookRequest?> ReadAsync(
        HttpRequest request, int maxBodyBytes = DefaultMaxBodyBytes, CancellationToken cancellationToken = default)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var retry = int.TryParse(request.Headers["num_retry"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 0;
        return new ZaloWebhookRequest(buffer.ToArray(), request.Headers[ZaloSignature.HeaderName].ToString() is { Length: > 0 } s ? s : null, retry);
    }
}
