namespace Watcher.Bench.Results;

/// <summary>
/// Process start to the first 200 from /readyz for a Watcher build, and its resident set a second later (after one
/// scrape, no collection forced), with the part of it backed by files; medians of the runs.
/// </summary>
/// <param name="Jobs">Jobs listed in Watcher:Jobs; with 0, the host watches one organization that has no jobs.</param>
internal sealed record StartupResult(int Jobs, string Binary, IReadOnlyList<double> ReadyMs, IReadOnlyList<long> RssAfterReadyBytes, IReadOnlyList<long> FileBackedRssAfterReadyBytes)
{
    public double MedianMs => ReadyMs.Order().ElementAt(ReadyMs.Count / 2);

    public long MedianRssAfterReadyBytes => Median(RssAfterReadyBytes);

    public long MedianFileBackedRssAfterReadyBytes => Median(FileBackedRssAfterReadyBytes);

    private static long Median(IReadOnlyList<long> values) => values.Order().ElementAt(values.Count / 2);
}
