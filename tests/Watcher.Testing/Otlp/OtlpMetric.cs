namespace Watcher.Testing.Otlp;

/// <summary>One metric of an export, with the scope (meter) it came from.</summary>
public sealed record OtlpMetric(
    string Scope,
    string Name,
    string Unit,
    string Description,
    OtlpMetricKind Kind,
    OtlpTemporality Temporality,
    bool IsMonotonic,
    IReadOnlyList<OtlpPoint> Points);
