namespace ZaloBot.Web.Hosting;

/// <summary>Section "Telemetry". OpenTelemetry metrics and traces are always collected; export is off unless an OTLP endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>E.g. "http://otel-collector:4317". Empty: no exporter.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public string ServiceName { get; set; } = "zalobot";
}
