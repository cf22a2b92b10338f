using Watcher.Bench.Hosting;
using Watcher.Bench.Results;

namespace Watcher.Bench.Memory;

/// <summary>Asks a served Watcher for its memory after a full collection, before and after its first scrape.</summary>
internal static class MemoryProbe
{
    public static async Task<MemoryResult> ReadAsync(ChildProcess host, string mode)
    {
        var before = await ReadOnceAsync(host);

        // Production is scraped: the first scrape encodes every job's label set, kept until the job changes, and
        // OpenTelemetry creates the points of its own instruments at its first collection.
        using (var scrape = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            scrape.EnsureSuccessStatusCode();
        }

        var after = await ReadOnceAsync(host);
        return new MemoryResult(mode, after.WatchedJobs, after.ManagedBytes, after.RssBytes, before.ManagedBytes);
    }

    private static async Task<MemoryReading> ReadOnceAsync(ChildProcess host)
    {
        using var response = await host.Client.PostAsync(new Uri(BenchEndpoints.MemoryPath, UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<MemoryReading>()
            ?? throw new InvalidOperationException("The memory probe answered nothing.");
    }
}
