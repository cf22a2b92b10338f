namespace Watcher.Bench.Scrape;

/// <summary>Latency percentiles of one endpoint, in milliseconds, by nearest rank.</summary>
internal sealed record LatencyStats(int Requests, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencyStats From(List<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN);
        }

        milliseconds.Sort();
        return new LatencyStats(milliseconds.Count, Rank(milliseconds, 0.50), Rank(milliseconds, 0.99), milliseconds[^1]);
    }

    private static double Rank(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
