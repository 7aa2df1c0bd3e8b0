using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Webhook;

/// <summary>
/// <c>POST /webhooks/zalo</c>: raw body (≤ 64 KiB, else 413) → MAC check in constant time (401) → JSON check (400) →
/// our OA? (404) → durable enqueue → 200. Never 5xx for bad input; 503 only when nothing durable is reachable.
/// Old timestamps are not rejected: Zalo re-delivers late with the original body; the dedupe key absorbs it.
/// </summary>
public static class WebhookEndpoints
{
    public const string Path = "/webhooks/zalo";

    public static IEndpointRouteBuilder MapWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery().AllowAnonymous();
        // No handshake is documented; answering GET is a harmless fallback for console checks.
        app.MapGet(Path, () => Results.Ok()).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        ZaloSignatureVerifier verifier,
        WebhookIngest ingest,
        IOptions<WebhookOptions> options,
        ILogger<WebhookIngest> logger)
    {
        var max = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > max)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http.Request.Body, max, http.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var header = http.Request.Headers[ZaloSignature.HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Results.Unauthorized();
        }

        if (!IsJsonObject(body))
        {
            return Results.BadRequest();
        }

        var verification = verifier.Verify(header, body);
        switch (verification.Status)
        {
            case SignatureStatus.Valid:
                break;
            case SignatureStatus.Malformed when ZaloSignature.ReadTimestamp(body) is null:
                return Results.BadRequest();
            default:
                logger.LogWarning("Webhook rejected: {Reason}", verification.Reason);
                return Results.Unauthorized();
        }

        ZaloEvent evt;
        try
        {
            evt = ZaloEventParser.Parse(Encoding.UTF8.GetString(body), [options.Value.OaId]);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (evt.OaId is not null && evt.OaId != options.Value.OaId)
        {
            return Results.NotFound();
        }

        var outcome = await ingest.AcceptAsync(evt, http.RequestAborted);
        return outcome == IngestOutcome.Unavailable
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok();
    }

    /// <summary>The body as bytes, or null when it is longer than <paramref name="max"/> (chunked bodies have no length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream stream, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
