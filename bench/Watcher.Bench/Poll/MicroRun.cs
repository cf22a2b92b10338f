using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Watcher.Bench.Results;

namespace Watcher.Bench.Poll;

/// <summary>Runs <see cref="CodecBenchmarks"/> with BenchmarkDotNet, in process and short, and keeps the numbers.</summary>
internal static class MicroRun
{
    public static IReadOnlyList<MicroResult> Run(bool quick)
    {
        // ShortRun: one launch, three warm-up and three measured iterations; quick only shortens each iteration.
        var job = (quick ? Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(100)) : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "watcher-bench-bdn"));
        var summary = BenchmarkRunner.Run<CodecBenchmarks>(config);
        return [.. summary.Reports.Select(report => new MicroResult(
            report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
            report.ResultStatistics?.Mean ?? double.NaN,
            report.ResultStatistics?.StandardDeviation ?? double.NaN,
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)))];
    }
}
