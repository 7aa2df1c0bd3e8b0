using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// The named pipelines of the Zalo clients, outermost first:
/// total timeout → retry → circuit breaker → rate limiter → attempt timeout.
/// <para>
/// Retry is the dangerous part. A message send (<c>message/cs</c>) that timed out or got a 5xx may already be on
/// the citizen's phone; resending it would message them twice. So a request marked
/// <see cref="ZaloRequestSafety.AtMostOnce"/> is retried only when Zalo surely did not process it:
/// the connection was never established (DNS/connect/TLS failure), our own rate limiter rejected it, Zalo answered
/// HTTP 429 or <c>error = -32</c> (rejected before processing). <see cref="ZaloRequestSafety.Idempotent"/> requests
/// (GET user/detail, POST quota/message which only reads, uploads whose duplicate is harmless) are also retried on
/// timeouts, 5xx and other transport errors. Codes like -200/-100 are reported as Retryable to the caller but not
/// retried here: -100 needs a re-upload and -200 is rare enough that the outbox should decide.
/// The token refresh is AtMostOnce too: a refresh that reached Zalo has spent the single-use refresh token.
/// </para>
/// The rate limiter sits inside the retry so every attempt spends a token: what we count is what Zalo counts.
/// </summary>
internal static class ZaloResiliencePipeline
{
    public const string OpenApi = "zalo-openapi";
    public const string OAuth = "zalo-oauth";

    public static readonly HttpRequestOptionsKey<ZaloRequestSafety> SafetyKey = new("ZaloBot.Zalo.RequestSafety");

    public static void ConfigureOpenApi(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ZaloResilienceOptions>>().Value;
        builder.TimeProvider = services.GetRequiredService<TimeProvider>();
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
            .AddRetry(RetryOptions(options))
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "breaker",
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                // Default handling (5xx, 408, 429, HttpRequestException, timeouts) minus 429: rate limiting says
                // nothing about Zalo's health.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                    || args.Outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout }),
            })
            .AddRateLimiter(services.GetRequiredService<ZaloRateLimiter>())
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>The token endpoint: no breaker and no limiter (another host, rarely called); AtMostOnce retry.</summary>
    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ZaloResilienceOptions>>().Value;
        builder.TimeProvider = services.GetRequiredService<TimeProvider>();
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
            .AddRetry(RetryOptions(options))
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static HttpRetryStrategyOptions RetryOptions(ZaloResilienceOptions options) => new()
    {
        Name = "retry",
        MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
        Delay = options.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => options.MaxRetryAttempts == 0
            ? ValueTask.FromResult(false)
            : ShouldRetryAsync(args.Outcome, args.Context),
    };

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        var safety = request is not null && request.Options.TryGetValue(SafetyKey, out var s) ? s : ZaloRequestSafety.AtMostOnce;
        var idempotent = safety == ZaloRequestSafety.Idempotent;

        switch (outcome.Exception)
        {
            case null:
                break;
            case RateLimiterRejectedException:
                return true; // never left this process
            case BrokenCircuitException:
                return false; // fail fast while open
            case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }:
                return true; // no connection, so no request reached Zalo
            case HttpRequestException or TimeoutRejectedException or IOException:
                return idempotent; // may have reached Zalo
            default:
                return false;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return idempotent;
        }

        return response.IsSuccessStatusCode
            && await ReadErrorCodeAsync(response, context.CancellationToken) == ZaloErrorClassifier.RateLimited;
    }

    /// <summary>Peeks the envelope's <c>error</c> (buffers the small JSON body so the caller can still read it).</summary>
    private static async Task<int?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "application/json" })
        {
            return null;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var doc = JsonDocument.Parse(bytes);
            return ZaloEnvelope.ReadErrorCode(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
