using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Watcher.Bench.Results;

/// <summary>Writes NAME.json (for scripts comparing runs) and NAME.md (for people): latest.* for a full run.</summary>
internal static class ResultsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(BenchReport report, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(Path.Combine(folder, name + ".md"), Markdown(report));
    }

    public static string Markdown(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        Line(md, $"Ran {report.RanAt:yyyy-MM-dd HH:mm} UTC with `{report.Command}` in {Duration(report.Seconds)} on {report.Machine.ProcessorCount} cores ({report.Machine.Os}, {report.Machine.Runtime}, 1-minute load {F(report.Machine.LoadAverage1m, 2)} at the start).");
        Line(md, string.Empty);

        if (report.Targets.Count > 0)
        {
            Line(md, "| target | at | measured | threshold | met |");
            Line(md, "|---|---:|---:|---:|---|");
            foreach (var target in report.Targets)
            {
                var measured = target.Measured is { } value ? Value(value, target.Unit) : "not measured";
                Line(md, $"| {target.Name} | {(target.Jobs is { } at ? N(at) + " " + target.Of : "-")} | {measured} | ≤ {Value(target.Threshold, target.Unit)} | {(target.Met ? "yes" : "**no**")} |");
            }

            Line(md, string.Empty);
        }

        if (report.Scales.Count > 0)
        {
            var scales = report.Scales;
            Line(md, "| watched jobs | " + string.Join(" | ", scales.Select(s => N(s.Jobs))) + " |");
            Line(md, "|---|" + string.Concat(scales.Select(_ => "---:|")));
            Row(md, "`/metrics` response (bytes / samples)", scales, s => s.Scrape is { } x ? $"{N(x.ResponseBytes)} / {N(x.Samples)}" : "-");
            Row(md, $"`/metrics` p50 / p99 (ms, {scales[0].Scrape?.Clients ?? 0} clients)", scales, s => s.Scrape is { } x ? $"{F(x.MetricsP50Ms, 2)} / {F(x.MetricsP99Ms, 2)}" : "-");
            Row(md, "same bytes pre-rendered, p50 / p99 (ms)", scales, s => s.Scrape is { } x ? $"{F(x.BaselineP50Ms, 2)} / {F(x.BaselineP99Ms, 2)}" : "-");
            Row(md, "**ratio p50 / p99**", scales, s => s.Scrape is { } x ? $"{F(x.P50Ratio, 2)} / **{F(x.P99Ratio, 2)}**" : "-");
            Row(md, "managed heap per job, configured / discovered (bytes)", scales, s => $"{PerJob(s.MemoryExplicit?.ManagedBytesPerJob)} / {PerJob(s.MemoryDiscovery?.ManagedBytesPerJob)}");
            Row(md, "of which before the first scrape (bytes)", scales, s => $"{PerJob(s.MemoryExplicit?.ManagedBeforeScrapeBytesPerJob)} / {PerJob(s.MemoryDiscovery?.ManagedBeforeScrapeBytesPerJob)}");
            Row(md, "RSS per job, configured / discovered (bytes, no target)", scales, s => $"{PerJob(s.MemoryExplicit?.RssBytesPerJob)} / {PerJob(s.MemoryDiscovery?.RssBytesPerJob)}");
            Row(md, "calls per cycle: describe every job (naive)", scales, s => s.Economy is { } e ? N(e.NaiveCalls) : "-");
            Row(md, "calls per cycle: discovery, first (list + describe)", scales, s => s.Economy is { } e ? $"{e.FirstCycle.List} + {N(e.FirstCycle.Describe)}" : "-");
            Row(md, "calls per cycle: discovery, 5 new jobs (bound)", scales, s => s.Economy is { } e ? $"{e.WithNewJobs.List} + {e.WithNewJobs.Describe} ({e.BoundWithNewJobs(s.Jobs)})" : "-");
            Row(md, "calls per cycle: discovery, steady (bound)", scales, s => s.Economy is { } e ? $"{e.Steady.List} + {e.Steady.Describe} ({e.BoundSteady(s.Jobs)})" : "-");
            Line(md, string.Empty);
            if (report.EmptyHost is { } empty)
            {
                Line(md, $"Memory is after a full, compacting GC, minus the same host watching one organization with no jobs ({N(empty.ManagedBytes)} bytes managed, {N(empty.RssBytes)} bytes RSS).");
                Line(md, string.Empty);
            }
        }

        if (report.Coverage.Count > 0)
        {
            var coverage = report.Coverage;
            Line(md, "| mailboxes in the watched organization's directory | " + string.Join(" | ", coverage.Select(c => N(c.Mailboxes))) + " |");
            Line(md, "|---|" + string.Concat(coverage.Select(_ => "---:|")));
            CoverageRow(md, "entries listed / export jobs watched / completions remembered", coverage, c => $"{N(c.Listed)} / {N(c.Jobs)} / {N(c.Remembered)}");
            CoverageRow(md, "`/readyz` to the first scan published (s)", coverage, c => F(c.ScanSeconds, 2));
            CoverageRow(md, "`/metrics` response (bytes / lines / mailbox lines)", coverage, c => c.Scrape is { } x ? $"{N(x.ResponseBytes)} / {N(c.ScrapeLines)} / {N(c.MailboxLines)}" : "-");
            CoverageRow(md, $"`/metrics` p50 / p99 (ms, {coverage[0].Scrape?.Clients ?? 0} clients)", coverage, c => c.Scrape is { } x ? $"{F(x.MetricsP50Ms, 2)} / {F(x.MetricsP99Ms, 2)}" : "-");
            CoverageRow(md, "same bytes pre-rendered, p50 / p99 (ms)", coverage, c => c.Scrape is { } x ? $"{F(x.BaselineP50Ms, 2)} / {F(x.BaselineP99Ms, 2)}" : "-");
            CoverageRow(md, "**ratio p50 / p99**", coverage, c => c.Scrape is { } x ? $"{F(x.P50Ratio, 2)} / **{F(x.P99Ratio, 2)}**" : "-");
            CoverageRow(md, "coverage off: response (bytes), ratio p50 / p99", coverage, c => c.ScrapeWithoutCoverage is { } x ? $"{N(x.ResponseBytes)}, {F(x.P50Ratio, 2)} / {F(x.P99Ratio, 2)}" : "-");
            CoverageRow(md, "same directory, no job listed: response (bytes), ratio p50 / p99", coverage, c => c.ScrapeDirectoryOnly is { } x ? $"{N(x.ResponseBytes)}, {F(x.P50Ratio, 2)} / {F(x.P99Ratio, 2)}" : "-");
            CoverageRow(md, "of which framing: the same bytes pre-rendered, chunked ÷ Content-Length, p50 / p99", coverage, c => c.FramingDirectoryOnly is { } x ? $"{F(x.P50Ratio, 2)} / {F(x.P99Ratio, 2)}" : "-");
            CoverageRow(md, "**managed heap per mailbox**, its jobs included (bytes)", coverage, c => $"**{PerJob(c.ManagedBytesPerMailbox)}**");
            CoverageRow(md, "of which coverage: over the same host with coverage off (bytes)", coverage, c => PerJob(c.CoverageManagedBytesPerMailbox));
            CoverageRow(md, "same directory, no job listed (bytes)", coverage, c => PerJob(c.DirectoryOnlyManagedBytesPerMailbox));
            CoverageRow(md, "RSS per mailbox (bytes, no target)", coverage, c => PerJob(c.RssBytesPerMailbox));
            Line(md, string.Empty);
            Line(md, "One discovered organization; its directory also lists users and resources that must not count (system, remote, deleted). Half the mailboxes were exported before the listing's 7 days (in the SQLite store the host starts with), a tenth have a completed job in the listing, 1 % a failed one and 2 % a running one. With no job listed, every completion is in the store and there are no per-job series. Scrapes are taken after the first scan. `/metrics` is sent chunked, the baseline with Content-Length; the framing row serves the baseline's bytes both ways.");
            if (report.EmptyHost is { } empty)
            {
                Line(md, string.Empty);
                Line(md, $"Memory is after a full, compacting GC, minus the same host watching one organization with no jobs ({N(empty.ManagedBytes)} bytes managed, {N(empty.RssBytes)} bytes RSS).");
            }

            Line(md, string.Empty);
        }

        if (report.Startup.Count > 0)
        {
            var runs = report.Startup;
            Line(md, $"| `{runs[0].Binary}` | " + string.Join(" | ", runs.Select(r => r.Jobs == 0 ? "0 (one empty organization)" : N(r.Jobs) + " configured")) + " |");
            Line(md, "|---|" + string.Concat(runs.Select(_ => "---:|")));
            Line(md, "| process start to `/readyz` (ms, median) | " + string.Join(" | ", runs.Select(r => $"{F(r.MedianMs, 0)} (n={r.ReadyMs.Count})")) + " |");
            Line(md, "| RSS 1 s after ready, one scrape served (MB) | " + string.Join(" | ", runs.Select(r => F(r.MedianRssAfterReadyBytes / 1048576.0))) + " |");
            Line(md, "| of which mapped from files (MB) | " + string.Join(" | ", runs.Select(r => F(r.MedianFileBackedRssAfterReadyBytes / 1048576.0))) + " |");
            Line(md, string.Empty);
        }

        if (report.Micro.Count > 0)
        {
            Line(md, "| poll path (BenchmarkDotNet, in process) | time per op (one thread) | allocated per op |");
            Line(md, "|---|---:|---:|");
            foreach (var micro in report.Micro)
            {
                Line(md, $"| {micro.Name} | {F(micro.MeanNs / 1000, 2)} µs ± {F(micro.StdDevNs / 1000, 2)} | {micro.AllocatedBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} B |");
            }

            Line(md, string.Empty);
        }

        if (report.Cycle is { } cycle)
        {
            Line(md, $"Full cycle: {cycle.Jobs:N0} explicit jobs, {F(cycle.LatencyMs, 0)} ms added latency, MaxConcurrentCalls {cycle.Concurrency}: **{F(cycle.MeasuredSeconds, 2)} s** from host start to every job described ({cycle.Describes:N0} describes; scheduling took {F(cycle.SchedulingSeconds, 2)} s of it), ideal N × latency / C = {F(cycle.IdealSeconds, 2)} s, ratio **{F(cycle.Ratio, 2)}**.");
            Line(md, string.Empty);
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Row(StringBuilder md, string name, List<ScaleResult> scales, Func<ScaleResult, string> cell) =>
        Line(md, $"| {name} | " + string.Join(" | ", scales.Select(cell)) + " |");

    private static void CoverageRow(StringBuilder md, string name, List<CoverageResult> coverage, Func<CoverageResult, string> cell) =>
        Line(md, $"| {name} | " + string.Join(" | ", coverage.Select(cell)) + " |");

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static string PerJob(double? bytes) => bytes is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Value(double value, string unit) => unit switch
    {
        "ratio" => F(value, 2),
        "MB" => F(value) + " MB",
        "calls" => F(value, 0),
        _ => F(value, 0) + " " + unit,
    };

    private static string Duration(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
