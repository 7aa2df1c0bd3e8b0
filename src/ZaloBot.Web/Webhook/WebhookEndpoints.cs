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
        var request = await ZaloWebhookRequest.ReadAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        if (request is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = request.Body;
        if (request.Signature is null)
        {
            return Results.Unauthorized();
        }

        var verification = verifier.Verify(request.Signature, body);
        switch (verification.Status)
        {
            case SignatureStatus.Valid:
                break;
            case SignatureStatus.Malformed when ZaloSignature.ReadTimestamp(body) is null:
                // Not a JSON object with a timestamp (the verifier parsed it once already; no second pass here).
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

        if (request.RetryCount > 0)
        {
            // Zalo's redelivery (+30 s, +5 min, …): an earlier answer of ours did not reach it in time.
            logger.LogInformation("Zalo redelivery #{RetryCount} of {EventName}", request.RetryCount, evt.EventName);
        }

        var outcome = await ingest.AcceptAsync(evt, http.RequestAborted);
        return outcome == IngestOutcome.Unavailable
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok();
    }
}
