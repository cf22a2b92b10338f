using System.Runtime;

namespace Watcher.Bench.Hosting;

/// <summary>What a Watcher process holds once everything collectable has been collected.</summary>
internal sealed record MemoryReading(long ManagedBytes, long HeapBytes, long RssBytes, int WatchedJobs)
{
    public static MemoryReading AfterFullCollection(int watchedJobs)
    {
        // Twice, with finalizers in between, so that objects kept alive only by finalizable ones go too; compacting
        // the large object heap gives back what a previous scrape buffer left behind.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new MemoryReading(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes, process.WorkingSet64, watchedJobs);
    }
}
