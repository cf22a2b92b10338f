using OpenTelemetry.Resources;

namespace Watcher.Metrics.Otlp;

/// <summary>
/// Whether Watcher exports over OTLP, and the resource every OTLP pipeline describes itself with. Export is on when
/// the standard endpoint variable is set; the exporter itself reads the rest (protocol, headers, timeout, interval).
/// </summary>
public static class OtlpExport
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string MetricsEndpointVariable = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    /// <summary>service.name unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES names another.</summary>
    public const string DefaultServiceName = "watcher";

    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[EndpointVariable]) || !string.IsNullOrWhiteSpace(configuration[MetricsEndpointVariable]);
    }

    /// <summary>Watcher's name and version first, so that OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, read last, win.</summary>
    public static void ConfigureResource(ResourceBuilder resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.Clear()
            .AddService(DefaultServiceName, serviceVersion: BuildInfo.Version, autoGenerateServiceInstanceId: false)
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();
    }
}
