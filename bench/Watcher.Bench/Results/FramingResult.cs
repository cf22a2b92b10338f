namespace Watcher.Bench.Results;

/// <summary>The same pre-rendered bytes on the same Kestrel, chunked (as /metrics is sent) against with Content-Length (the baseline).</summary>
internal sealed record FramingResult(int ChunkedRequests, double ChunkedP50Ms, double ChunkedP99Ms, int BaselineRequests, double BaselineP50Ms, double BaselineP99Ms)
{
    public double P50Ratio => ChunkedP50Ms / BaselineP50Ms;

    public double P99Ratio => ChunkedP99Ms / BaselineP99Ms;
}
