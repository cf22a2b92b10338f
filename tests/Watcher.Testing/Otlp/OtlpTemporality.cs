namespace Watcher.Testing.Otlp;

/// <summary>OTLP's AggregationTemporality, as on the wire; gauges have none.</summary>
public enum OtlpTemporality
{
    Unspecified = 0,
    Delta = 1,
    Cumulative = 2,
}
