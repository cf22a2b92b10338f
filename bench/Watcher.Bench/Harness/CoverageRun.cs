using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Watcher.Bench.Hosting;
using Watcher.Bench.Memory;
using Watcher.Bench.Results;
using Watcher.Bench.Scrape;
using Watcher.Bench.Seeding;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Metrics.Exposition;
using Watcher.Scheduling;
using Watcher.Simulator;

namespace Watcher.Bench.Harness;

/// <summary>
/// Memory and scrape of the per-mailbox series at one number of mailboxes: a host that discovers one organization
/// whose directory holds them, once with coverage and once without (the same jobs watched by both), and a host
/// that discovers the same directory with no job listed, so that the mailbox series can be told from the job series.
/// </summary>
internal static class CoverageRun
{
    private const string MailboxesGauge = "workmail_organization_mailboxes{";

    private static readonly TimeSpan ScanTimeout = TimeSpan.FromMinutes(5);

    public static async Task<CoverageResult> RunAsync(WorkMailSimulator simulator, int mailboxes, MemoryResult empty, BenchSettings bench)
    {
        var organizationId = BenchOrganizations.Coverage(mailboxes);
        var seed = BenchDirectory.Seed(simulator.Store, organizationId, mailboxes);
        var directoryOnlyId = BenchOrganizations.DirectoryOnly(mailboxes);
        var directoryOnly = BenchDirectory.Seed(simulator.Store, directoryOnlyId, mailboxes, listedJobs: false);
        var result = new CoverageResult { Mailboxes = mailboxes, Listed = seed.Listed, Jobs = seed.Jobs, Remembered = seed.Remembered.Count };
        var folder = Directory.CreateTempSubdirectory("watcher-bench-coverage-").FullName;
        try
        {
            // The first scan runs at start; the regular ones, at the default interval, come after the measurements.
            var rescan = PollSchedule.Offset(organizationId, new CoverageOptions().Interval);
            Log($"{mailboxes} mailboxes ({seed.Listed} listed, {seed.Jobs} jobs, {seed.Remembered.Count} remembered): coverage host (scan, memory, scrape); next scan after {rescan.TotalMinutes:0} min");
            var settings = await SettingsAsync(simulator, organizationId, Path.Combine(folder, "coverage.db"), seed.Remembered);
            await using (var host = ServedWatcher.StartBenchHost(simulator, settings))
            {
                await host.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout);
                result.ScanSeconds = (await WaitForScanAsync(host, organizationId, mailboxes)).TotalSeconds;
                result.Memory = await MemoryProbe.ReadAsync(host, "coverage");
                var (scrape, bytes) = await ScrapeComparison.MeasureAsync(host, bench);
                var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                result.Scrape = scrape;
                result.ScrapeLines = lines.Length;
                result.MailboxLines = lines.Count(line => line.StartsWith(CoverageSeriesWriter.Name + "{", StringComparison.Ordinal));
            }

            Log($"{mailboxes} mailboxes: the same organization with coverage off (memory, scrape)");
            await using (var host = ServedWatcher.StartBenchHost(simulator, settings with { CoverageEnabled = false, CoverageStorePath = null }))
            {
                await host.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout);
                result.MemoryWithoutCoverage = await MemoryProbe.ReadAsync(host, "coverage off");
                result.ScrapeWithoutCoverage = (await ScrapeComparison.MeasureAsync(host, bench)).Result;
            }

            Log($"{mailboxes} mailboxes: the same directory with no job listed, {directoryOnly.Remembered.Count} remembered (memory, scrape, chunked framing)");
            var directoryOnlySettings = await SettingsAsync(simulator, directoryOnlyId, Path.Combine(folder, "directory-only.db"), directoryOnly.Remembered);
            await using (var host = ServedWatcher.StartBenchHost(simulator, directoryOnlySettings))
            {
                await host.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout);
                await WaitForScanAsync(host, directoryOnlyId, mailboxes);
                result.MemoryDirectoryOnly = await MemoryProbe.ReadAsync(host, "directory only");
                result.ScrapeDirectoryOnly = (await ScrapeComparison.MeasureAsync(host, bench)).Result;
                result.FramingDirectoryOnly = await ScrapeComparison.MeasureFramingAsync(host, bench);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        result.ManagedBytesPerMailbox = (double)(result.Memory.ManagedBytes - empty.ManagedBytes) / mailboxes;
        result.CoverageManagedBytesPerMailbox = (double)(result.Memory.ManagedBytes - result.MemoryWithoutCoverage.ManagedBytes) / mailboxes;
        result.DirectoryOnlyManagedBytesPerMailbox = (double)(result.MemoryDirectoryOnly.ManagedBytes - empty.ManagedBytes) / mailboxes;
        result.RssBytesPerMailbox = (double)(result.Memory.RssBytes - empty.RssBytes) / mailboxes;
        return result;
    }

    /// <summary>A host discovering one organization, with a store file holding what an earlier run would have left.</summary>
    private static async Task<WatcherSettings> SettingsAsync(WorkMailSimulator simulator, string organizationId, string storePath, IReadOnlyList<Completion> remembered) =>
        new(simulator.ServiceUrl, simulator.Region)
        {
            Organizations = [organizationId],
            CoverageStorePath = await WriteStoreAsync(storePath, remembered),
        };

    /// <summary>The completions an earlier run would have left, written the way Watcher writes them.</summary>
    private static async Task<string> WriteStoreAsync(string path, IReadOnlyList<Completion> completions)
    {
        await using var store = new SqliteCompletionStore(path, TimeSpan.FromHours(1), TimeProvider.System, NullLogger<SqliteCompletionStore>.Instance);
        foreach (var completion in completions)
        {
            await store.RecordAsync(completion);
        }

        return store.Health.Status == CompletionStoreStatus.Ok
            ? path
            : throw new InvalidOperationException($"The bench could not write the coverage store at {path}: {store.Health.Reason}");
    }

    /// <summary>Scrapes until the organization's mailbox gauge appears, that is until the first scan has been published.</summary>
    private static async Task<TimeSpan> WaitForScanAsync(ChildProcess host, string organizationId, int mailboxes)
    {
        var started = Stopwatch.GetTimestamp();
        var label = $"organization_id=\"{organizationId}\"";
        while (true)
        {
            var text = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            var gauge = text.Split('\n').FirstOrDefault(line => line.StartsWith(MailboxesGauge, StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal));
            if (gauge is not null)
            {
                // The gauge appears with the first successful scan: it must count exactly the seeded mailboxes.
                var counted = double.Parse(gauge[(gauge.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return counted == mailboxes
                    ? Stopwatch.GetElapsedTime(started)
                    : throw new InvalidOperationException($"The scan of {organizationId} counted {counted} mailboxes, not the {mailboxes} seeded.");
            }

            if (Stopwatch.GetElapsedTime(started) > ScanTimeout)
            {
                throw new TimeoutException($"{organizationId} showed no mailbox gauge within {ScanTimeout}:\n{host.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static void Log(string message) => Console.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {message}");
}
