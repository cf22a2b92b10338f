namespace Watcher.Testing.Otlp;

/// <summary>The data field an OTLP Metric carries.</summary>
public enum OtlpMetricKind
{
    Unknown,
    Gauge,
    Sum,
    Histogram,
}
