namespace Watcher.Bench.Results;

/// <summary>The targets of issue 7, judged on what this run measured; a section that did not run has no targets.</summary>
internal static class Targets
{
    public const double ScrapeP99Ratio = 3;
    public const double BytesPerJob = 4 * 1024;
    public const double CycleRatio = 1.25;
    public const double StartupMs = 1500;
    public const int StartupJobs = 10;

    public static IEnumerable<TargetResult> Evaluate(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var largest = report.Scales.MaxBy(s => s.Jobs);
        if (largest?.Scrape is { } scrape)
        {
            yield return new TargetResult("scrape p99 / pre-rendered baseline p99", largest.Jobs, scrape.P99Ratio, ScrapeP99Ratio, "ratio");
        }

        foreach (var memory in new[] { largest?.MemoryExplicit, largest?.MemoryDiscovery }.OfType<MemoryResult>())
        {
            yield return new TargetResult($"managed heap per watched job ({memory.Mode})", largest!.Jobs, memory.ManagedBytesPerJob ?? double.NaN, BytesPerJob, "bytes");
            yield return new TargetResult($"RSS per watched job ({memory.Mode})", largest.Jobs, memory.RssBytesPerJob ?? double.NaN, BytesPerJob, "bytes");
        }

        if (report.Cycle is { } cycle)
        {
            yield return new TargetResult($"full cycle / ideal N x latency / C (C={cycle.Concurrency})", cycle.Jobs, cycle.Ratio, CycleRatio, "ratio");
        }

        foreach (var scale in report.Scales)
        {
            if (scale.Economy is { } economy)
            {
                yield return new TargetResult($"discovery calls in a cycle with {economy.NewJobs} new jobs", scale.Jobs, economy.WithNewJobs.Total, economy.BoundWithNewJobs(scale.Jobs), "calls");
                yield return new TargetResult("discovery calls in a steady cycle", scale.Jobs, economy.Steady.Total, economy.BoundSteady(scale.Jobs), "calls");
            }
        }

        if (report.Scales.FirstOrDefault(s => s.Jobs == StartupJobs)?.Startup is { } startup)
        {
            yield return new TargetResult("process start to /readyz", StartupJobs, startup.MedianMs, StartupMs, "ms");
        }
    }
}
