namespace Watcher.Bench.Results;

/// <summary>Process start to the first 200 from /readyz, for the built Watcher binary; the median of the runs.</summary>
internal sealed record StartupResult(string Binary, IReadOnlyList<double> ReadyMs)
{
    public double MedianMs => ReadyMs.Order().ElementAt(ReadyMs.Count / 2);
}
