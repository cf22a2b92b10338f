using System.Net.Http.Json;
using Watcher.Bench.Hosting;
using Watcher.Bench.Results;

namespace Watcher.Bench.Memory;

/// <summary>Asks a served Watcher for its memory after a full collection.</summary>
internal static class MemoryProbe
{
    public static async Task<MemoryResult> ReadAsync(ChildProcess host, string mode)
    {
        // One scrape first: production is scraped, and the exporter keeps its buffer between scrapes.
        using (var scrape = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            scrape.EnsureSuccessStatusCode();
        }

        using var response = await host.Client.PostAsync(new Uri(BenchEndpoints.MemoryPath, UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        var reading = await response.Content.ReadFromJsonAsync<MemoryReading>()
            ?? throw new InvalidOperationException("The memory probe answered nothing.");
        return new MemoryResult(mode, reading.WatchedJobs, reading.ManagedBytes, reading.RssBytes);
    }
}
