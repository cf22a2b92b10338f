namespace Watcher.Bench.Results;

/// <summary>A host's memory after a full collection, and per watched job over the 0-job host.</summary>
internal sealed record MemoryResult(string Mode, int WatchedJobs, long ManagedBytes, long RssBytes)
{
    public double? ManagedBytesPerJob { get; init; }

    public double? RssBytesPerJob { get; init; }

    public MemoryResult Over(MemoryResult empty) => WatchedJobs == 0 ? this : this with
    {
        ManagedBytesPerJob = (double)(ManagedBytes - empty.ManagedBytes) / WatchedJobs,
        RssBytesPerJob = (double)(RssBytes - empty.RssBytes) / WatchedJobs,
    };
}
