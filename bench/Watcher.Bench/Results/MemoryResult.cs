namespace Watcher.Bench.Results;

/// <summary>
/// A host's memory after a full collection, and per watched job over the 0-job host (one organization with no jobs).
/// Read twice: before the first scrape (the job snapshots, Quartz and configuration) and after it (plus every job's
/// encoded label set and whatever the scrape left behind, which production always has).
/// </summary>
internal sealed record MemoryResult(string Mode, int WatchedJobs, long ManagedBytes, long RssBytes, long ManagedBeforeScrapeBytes)
{
    public double? ManagedBytesPerJob { get; init; }

    public double? RssBytesPerJob { get; init; }

    public double? ManagedBeforeScrapeBytesPerJob { get; init; }

    public MemoryResult Over(MemoryResult empty) => WatchedJobs == 0 ? this : this with
    {
        ManagedBytesPerJob = (double)(ManagedBytes - empty.ManagedBytes) / WatchedJobs,
        RssBytesPerJob = (double)(RssBytes - empty.RssBytes) / WatchedJobs,
        ManagedBeforeScrapeBytesPerJob = (double)(ManagedBeforeScrapeBytes - empty.ManagedBeforeScrapeBytes) / WatchedJobs,
    };
}
