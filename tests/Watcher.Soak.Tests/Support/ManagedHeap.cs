using System.Globalization;

namespace Watcher.Soak.Tests.Support;

/// <summary>Managed memory after a full compacting collection: in all, on the small-object heap (generations 0 to 2) and on the large-object heap.</summary>
internal readonly record struct ManagedHeap(long Total, long Small, long Large)
{
    public static ManagedHeap AfterFullGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var generations = GC.GetGCMemoryInfo(GCKind.FullBlocking).GenerationInfo.ToArray();
        long Live(int generation) => generations[generation].SizeAfterBytes - generations[generation].FragmentationAfterBytes;
        return new ManagedHeap(GC.GetTotalMemory(forceFullCollection: false), Live(0) + Live(1) + Live(2), Live(3));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Total:N0} B ({Small:N0} B small-object heap, {Large:N0} B large-object heap)");
}
