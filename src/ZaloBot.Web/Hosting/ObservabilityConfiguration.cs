using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ZaloBot.Web.Hosting;

public static class ObservabilityConfiguration
{
    /// <summary>Meter and activity source names of our own code.</summary>
    public const string Source = "ZaloBot";

    /// <summary>Structured logs with personal data erased; OpenTelemetry for ASP.NET Core, HttpClient, Npgsql and Redis.</summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(DataTaxonomy.PersonalData));
            redaction.SetRedactor<PseudonymRedactor>(new DataClassificationSet(DataTaxonomy.PersonalId));
        });
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Source));
        if (telemetry.OtlpEndpoint is { } endpoint)
        {
            // Tracing only when traces go somewhere: with no exporter every request and Redis command would still
            // build spans (Redis instrumentation profiles each command), which cost ~1/3 of the webhook's throughput
            // in the ingest benchmark (docs/performance.md).
            otel.WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = endpoint))
                .WithTracing(t => t
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddRedisInstrumentation()
                    .AddSource(Source)
                    .AddOtlpExporter(o => o.Endpoint = endpoint));
        }

        return builder;
    }
}
