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

    /// <summary>
    /// Reads the request. <paramref name="failure"/> says why the result is null: the body exceeds
    /// <paramref name="maxBodyBytes"/> (413) or its HTTP framing is broken (400) — Kestrel reports a bad chunk-size line
    /// or a body shorter than its Content-Length as <see cref="BadHttpRequestException"/> while the body is read.
    /// </summary>
    public static async Task<(ZaloWebhookRequest? Request, ZaloWebhookReadFailure Failure)> ReadAsync(
        HttpRequest request, int maxBodyBytes = DefaultMaxBodyBytes, CancellationToken cancellationToken = default)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, ZaloWebhookReadFailure.TooLarge);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBodyBytes)
                {
                    return (null, ZaloWebhookReadFailure.TooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ZaloWebhookReadFailure.TooLarge : ZaloWebhookReadFailure.Malformed);
        }
        catch (IOException)
        {
            // The connection broke mid-body; the client will not read the answer, but the endpoint must not throw.
            return (null, ZaloWebhookReadFailure.Malformed);
        }

        var retry = int.TryParse(request.Headers["num_retry"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 0;
        var signature = request.Headers[ZaloSignature.HeaderName].ToString() is { Length: > 0 } s ? s : null;
        return (new ZaloWebhookRequest(buffer.ToArray(), signature, retry), ZaloWebhookReadFailure.None);
    }
}
