namespace Watcher.Bench.Results;

/// <summary>/metrics against the same bytes pre-rendered, on the same Kestrel, under the same clients.</summary>
internal sealed record ScrapeResult(
    long ResponseBytes,
    int Samples,
    int Clients,
    double SecondsPerEndpoint,
    int MetricsRequests,
    double MetricsP50Ms,
    double MetricsP99Ms,
    int BaselineRequests,
    double BaselineP50Ms,
    double BaselineP99Ms)
{
    public double P50Ratio => MetricsP50Ms / BaselineP50Ms;

    public double P99Ratio => MetricsP99Ms / BaselineP99Ms;
}
