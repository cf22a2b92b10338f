namespace Watcher.Testing.Otlp;

/// <summary>One ExportMetricsServiceRequest: the resource attributes and every metric, in the order sent.</summary>
public sealed record OtlpBatch(IReadOnlyDictionary<string, string> Resource, IReadOnlyList<OtlpMetric> Metrics)
{
    /// <summary>The HTTP request headers it came with, names in lower case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IEnumerable<OtlpMetric> Named(string name) => Metrics.Where(m => m.Name == name);
}
