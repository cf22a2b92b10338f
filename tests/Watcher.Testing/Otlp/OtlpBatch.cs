namespace Watcher.Testing.Otlp;

/// <summary>One ExportMetricsServiceRequest: the resource attributes and every metric, in the order sent.</summary>
public sealed record OtlpBatch(IReadOnlyDictionary<string, string> Resource, IReadOnlyList<OtlpMetric> Metrics)
{
    public IEnumerable<OtlpMetric> Named(string name) => Metrics.Where(m => m.Name == name);
}
