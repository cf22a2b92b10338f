namespace Watcher.Bench.Results;

/// <summary>
/// Process start to the first 200 from /readyz for a Watcher build, and its resident set a second later (after one
/// scrape, no collection forced); medians of the runs.
/// </summary>
internal sealed record StartupResult(string Binary, IReadOnlyList<double> ReadyMs, IReadOnlyList<long> RssAfterReadyBytes)
{
    public double MedianMs => ReadyMs.Order().ElementAt(ReadyMs.Count / 2);

    public long MedianRssAfterReadyBytes => RssAfterReadyBytes.Order().ElementAt(RssAfterReadyBytes.Count / 2);
}
