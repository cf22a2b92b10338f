using System.Diagnostics;

namespace Watcher.Bench.Scrape;

/// <summary>
/// Concurrent clients fetching two endpoints of one server in alternating rounds, so that whatever else the
/// machine is doing falls on both alike. A request counts until its last byte is read.
/// </summary>
internal static class ScrapeLoad
{
    private const int Rounds = 5;

    public static async Task<(LatencyStats Subject, LatencyStats Baseline)> CompareAsync(Uri server, string subject, string baseline, int clients, TimeSpan perEndpoint)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        var subjectMs = new List<double>();
        var baselineMs = new List<double>();

        // Warm both paths (connections, JIT) outside the measurement.
        await FetchAsync(client, subject, new byte[81_920]);
        await FetchAsync(client, baseline, new byte[81_920]);

        var slice = perEndpoint / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            var subjectFirst = round % 2 == 0;
            await RunAsync(client, subjectFirst ? subject : baseline, clients, slice, subjectFirst ? subjectMs : baselineMs);
            await RunAsync(client, subjectFirst ? baseline : subject, clients, slice, subjectFirst ? baselineMs : subjectMs);
        }

        return (LatencyStats.From(subjectMs), LatencyStats.From(baselineMs));
    }

    private static async Task RunAsync(HttpClient client, string path, int clients, TimeSpan duration, List<double> into)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var buffer = new byte[81_920];
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                await FetchAsync(client, path, buffer);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return mine;
        });
        foreach (var samples in await Task.WhenAll(workers))
        {
            into.AddRange(samples);
        }
    }

    private static async Task<long> FetchAsync(HttpClient client, string path, byte[] buffer)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
