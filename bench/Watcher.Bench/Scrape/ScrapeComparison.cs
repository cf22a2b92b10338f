using Watcher.Bench.Hosting;
using Watcher.Bench.Results;

namespace Watcher.Bench.Scrape;

/// <summary><c>/metrics</c> of a served Watcher against the same bytes pre-rendered on the same Kestrel.</summary>
internal static class ScrapeComparison
{
    /// <returns>The comparison, and the bytes the baseline served.</returns>
    public static async Task<(ScrapeResult Result, byte[] Bytes)> MeasureAsync(ChildProcess host, BenchSettings bench)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(bench);

        // The baseline serves exactly what /metrics just served, with the same content type.
        using var scrape = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        scrape.EnsureSuccessStatusCode();
        var bytes = await scrape.Content.ReadAsByteArrayAsync();
        using (var content = new ByteArrayContent(bytes))
        {
            content.Headers.ContentType = scrape.Content.Headers.ContentType;
            using var stored = await host.Client.PostAsync(new Uri(BenchEndpoints.BaselinePath, UriKind.Relative), content);
            stored.EnsureSuccessStatusCode();
        }

        var samples = System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Count(line => line.Length > 0 && line[0] != '#');
        var (metrics, baseline) = await ScrapeLoad.CompareAsync(host.Address, "/metrics", BenchEndpoints.BaselinePath, bench.ScrapeClients, bench.ScrapeDuration);
        var result = new ScrapeResult(
            bytes.Length, samples, bench.ScrapeClients, bench.ScrapeDuration.TotalSeconds,
            metrics.Requests, metrics.P50Ms, metrics.P99Ms, baseline.Requests, baseline.P50Ms, baseline.P99Ms);
        return (result, bytes);
    }

    /// <summary>
    /// The bytes <see cref="MeasureAsync"/> stored, served chunked against served with Content-Length: /metrics is
    /// always chunked, since the per-job part's length is known only once written; the baseline never is.
    /// </summary>
    public static async Task<FramingResult> MeasureFramingAsync(ChildProcess host, BenchSettings bench)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(bench);
        var (chunked, contentLength) = await ScrapeLoad.CompareAsync(host.Address, BenchEndpoints.ChunkedBaselinePath, BenchEndpoints.BaselinePath, bench.ScrapeClients, bench.ScrapeDuration);
        return new FramingResult(chunked.Requests, chunked.P50Ms, chunked.P99Ms, contentLength.Requests, contentLength.P50Ms, contentLength.P99Ms);
    }
}
