namespace Watcher.Bench.Results;

/// <summary>
/// The targets of issue 12 (scrape, memory, startup at 10 000 jobs, an idle host's RSS), the same scrape and memory
/// targets for the per-mailbox series of issue 17 (at 10 000 mailboxes), and those of issue 7 that still hold (full
/// cycle, discovery calls, startup at 10 jobs), judged on what this run measured. A section that
/// did not run has no targets; a scale it skipped shows as not measured.
/// </summary>
internal static class Targets
{
    public const double ScrapeP99Ratio = 1.5;
    public const double ScrapeP50Ratio = 1.3;
    public static readonly IReadOnlyList<int> ScrapeJobs = [1_000, 10_000];

    public const double ManagedBytesPerJob = 3 * 1024;
    public const int MemoryJobs = 10_000;

    /// <summary>Mailboxes at which the per-mailbox series are held to the scrape targets of watched jobs.</summary>
    public static readonly IReadOnlyList<int> ScrapeMailboxes = [1_000, 10_000];

    /// <summary>Mailboxes at which coverage is held to the memory target of a watched job.</summary>
    public const int MemoryMailboxes = 10_000;

    public const double LargeStartupMs = 3000;
    public const int LargeStartupJobs = 10_000;

    public const double IdleRssMegabytes = 60;

    public const double CycleRatio = 1.25;

    public const double StartupMs = 1500;
    public const int StartupJobs = 10;

    private const double Megabyte = 1024 * 1024;

    public static IEnumerable<TargetResult> Evaluate(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var scales = report.Scales;
        if (scales.Any(s => s.Scrape is not null))
        {
            foreach (var jobs in ScrapeJobs)
            {
                yield return new TargetResult("`/metrics` p99 ÷ same bytes pre-rendered, p99", jobs, At(scales, jobs)?.Scrape?.P99Ratio, ScrapeP99Ratio, "ratio");
            }

            foreach (var jobs in ScrapeJobs)
            {
                yield return new TargetResult("`/metrics` p50 ÷ same bytes pre-rendered, p50", jobs, At(scales, jobs)?.Scrape?.P50Ratio, ScrapeP50Ratio, "ratio");
            }
        }

        if (scales.Any(s => s.MemoryExplicit is not null))
        {
            var memory = At(scales, MemoryJobs);
            yield return new TargetResult("managed heap per configured job", MemoryJobs, memory?.MemoryExplicit?.ManagedBytesPerJob, ManagedBytesPerJob, "bytes");
            yield return new TargetResult("managed heap per discovered job", MemoryJobs, memory?.MemoryDiscovery?.ManagedBytesPerJob, ManagedBytesPerJob, "bytes");
        }

        var coverage = report.Coverage;
        if (coverage.Count > 0)
        {
            foreach (var mailboxes in ScrapeMailboxes)
            {
                yield return new TargetResult("`/metrics` with per-mailbox series ÷ same bytes pre-rendered, p99", mailboxes, Mailboxes(coverage, mailboxes)?.Scrape?.P99Ratio, ScrapeP99Ratio, "ratio") { Of = "mailboxes" };
            }

            foreach (var mailboxes in ScrapeMailboxes)
            {
                yield return new TargetResult("`/metrics` with per-mailbox series ÷ same bytes pre-rendered, p50", mailboxes, Mailboxes(coverage, mailboxes)?.Scrape?.P50Ratio, ScrapeP50Ratio, "ratio") { Of = "mailboxes" };
            }

            yield return new TargetResult(
                "managed heap per mailbox, its jobs included, over a host watching no jobs", MemoryMailboxes, Mailboxes(coverage, MemoryMailboxes)?.ManagedBytesPerMailbox, ManagedBytesPerJob, "bytes") { Of = "mailboxes" };
        }

        if (report.Startup.Count > 0)
        {
            yield return new TargetResult("process start to `/readyz`, configured jobs", LargeStartupJobs, Startup(report, LargeStartupJobs)?.MedianMs, LargeStartupMs, "ms");
            yield return new TargetResult(
                "RSS 1 s after ready, watching one organization with no jobs", 0, Startup(report, 0)?.MedianRssAfterReadyBytes / Megabyte, IdleRssMegabytes, "MB");
        }

        if (report.Cycle is { } cycle)
        {
            yield return new TargetResult($"full cycle ÷ ideal N × latency / C (C={cycle.Concurrency})", cycle.Jobs, cycle.Ratio, CycleRatio, "ratio");
        }

        foreach (var scale in scales)
        {
            if (scale.Economy is { } economy)
            {
                yield return new TargetResult($"discovery calls in a cycle with {economy.NewJobs} new jobs", scale.Jobs, economy.WithNewJobs.Total, economy.BoundWithNewJobs(scale.Jobs), "calls");
                yield return new TargetResult("discovery calls in a steady cycle", scale.Jobs, economy.Steady.Total, economy.BoundSteady(scale.Jobs), "calls");
            }
        }

        if (report.Startup.Count > 0)
        {
            yield return new TargetResult("process start to `/readyz`, configured jobs", StartupJobs, Startup(report, StartupJobs)?.MedianMs, StartupMs, "ms");
        }
    }

    private static ScaleResult? At(List<ScaleResult> scales, int jobs) => scales.FirstOrDefault(s => s.Jobs == jobs);

    private static CoverageResult? Mailboxes(List<CoverageResult> coverage, int mailboxes) => coverage.FirstOrDefault(c => c.Mailboxes == mailboxes);

    private static StartupResult? Startup(BenchReport report, int jobs) => report.Startup.FirstOrDefault(s => s.Jobs == jobs);
}
