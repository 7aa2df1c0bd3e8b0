using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Webhook;

/// <summary>
/// <c>POST /webhooks/zalo</c>, the whole contract in its return type:
/// <list type="bullet">
/// <item>413: body over <see cref="WebhookOptions.MaxBodyBytes"/>.</item>
/// <item>400: broken HTTP framing, invalid UTF-8, escaped lone surrogates or not a JSON object — checked before the
/// MAC (nothing reads a string from an unchecked body) and so also for signed bodies.</item>
/// <item>401: no or wrong MAC, or a signed event older than <see cref="WebhookOptions.MaxEventAge"/> (a replay).</item>
/// <item>404: an event of another OA.</item>
/// <item>200: durable (queued, duplicate, or kept raw when its shape is one we cannot process).</item>
/// <item>503: neither Redis nor PostgreSQL could take it, or an unexpected failure: Zalo retries, nothing is lost.</item>
/// </list>
/// No response carries a body, so no stack trace or request header can leak into one.
/// </summary>
public static class WebhookEndpoints
{
    public const string Path = "/webhooks/zalo";

    public static IEndpointRouteBuilder MapWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery().AllowAnonymous()
            .Produces(StatusCodes.Status413PayloadTooLarge).Produces(StatusCodes.Status503ServiceUnavailable)
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (Exception ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
                {
                    // A bug, not bad input (bad input is answered above): log it and let Zalo retry the event later.
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<WebhookIngest>>()
                        .LogError(ex, "Webhook failed unexpectedly; answered 503 so Zalo retries");
                    return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
            });
        // No handshake is documented; answering GET is a harmless fallback for console checks.
        app.MapGet(Path, () => TypedResults.Ok()).AllowAnonymous();
        return app;
    }

    internal static async Task<Results<Ok, BadRequest, UnauthorizedHttpResult, NotFound, StatusCodeHttpResult>> HandleAsync(
        HttpContext http,
        ZaloSignatureVerifier verifier,
        WebhookIngest ingest,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILogger<WebhookIngest> logger)
    {
        var (request, failure) = await ZaloWebhookRequest.ReadAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        if (request is null)
        {
            return failure == ZaloWebhookReadFailure.TooLarge
                ? TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge)
                : TypedResults.BadRequest();
        }

        var body = request.Body;
        if (!ZaloWebhookBody.IsWellFormed(body))
        {
            return TypedResults.BadRequest();
        }

        if (request.Signature is null)
        {
            return TypedResults.Unauthorized();
        }

        var verification = verifier.Verify(request.Signature, body);
        switch (verification.Status)
        {
            case SignatureStatus.Valid:
                break;
            case SignatureStatus.Malformed when ZaloSignature.ReadTimestamp(body) is null:
                // A JSON object without a usable timestamp: nothing a MAC could cover.
                return TypedResults.BadRequest();
            default:
                logger.LogWarning("Webhook rejected: {Reason}", verification.Reason);
                return TypedResults.Unauthorized();
        }

        ZaloEvent evt;
        try
        {
            evt = ZaloEventParser.Parse(body, [options.Value.OaId]);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        if (evt.OaId is not null && evt.OaId != options.Value.OaId)
        {
            return TypedResults.NotFound();
        }

        if (IsStale(evt.Timestamp, options.Value.MaxEventAge, time))
        {
            // Signed but older than any redelivery of Zalo's (~1.8 h): a captured body played back. Inside the window
            // a replay is a duplicate (the dedupe key is kept longer than the window), so this closes the gap after it.
            logger.LogWarning("Webhook rejected: {EventName} older than {MaxAge}", evt.EventName, options.Value.MaxEventAge);
            return TypedResults.Unauthorized();
        }

        if (request.RetryCount > 0)
        {
            // Zalo's redelivery (+30 s, +5 min, …): an earlier answer of ours did not reach it in time.
            logger.LogInformation("Zalo redelivery #{RetryCount} of {EventName}", request.RetryCount, evt.EventName);
        }

        var outcome = WebhookIngest.OddShape(evt) is { } reason
            ? await ingest.KeepRawAsync(evt, reason, http.RequestAborted)
            : await ingest.AcceptAsync(evt, http.RequestAborted);
        return outcome == IngestOutcome.Unavailable
            ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok();
    }

    /// <summary>
    /// A 13-digit epoch-millisecond timestamp (what Zalo sends) older than <paramref name="maxAge"/>. Other forms are
    /// not judged: some Zalo doc examples show 12 digits, and a wrong guess would refuse genuine events.
    /// </summary>
    private static bool IsStale(string timestamp, TimeSpan maxAge, TimeProvider time) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && ms >= 1_000_000_000_000
        && ms < time.GetUtcNow().ToUnixTimeMilliseconds() - (long)maxAge.TotalMilliseconds;
}
