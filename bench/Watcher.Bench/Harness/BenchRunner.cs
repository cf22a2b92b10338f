using System.Diagnostics;
using Watcher.Bench.Poll;
using Watcher.Bench.Results;
using Watcher.Bench.Seeding;
using Watcher.Simulator;

namespace Watcher.Bench.Harness;

/// <summary>
/// Runs every section side by side against one simulator, then writes bench/results/latest.* (or, for a run of some
/// sections only, files named after them, so that the last full run's figures stay).
/// </summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        RepositoryPaths.WatcherOverride = settings.WatcherBinary;
        var report = new BenchReport
        {
            Command = "dotnet run -c Release --project bench/Watcher.Bench" + (settings.Arguments.Count > 0 ? " -- " + string.Join(' ', settings.Arguments) : string.Empty),
            RanAt = DateTimeOffset.UtcNow,
            Quick = settings.Quick,
            Machine = MachineInfo.Current(),
        };

        if (settings.Runs("micro"))
        {
            Log("poll path micro-benchmarks (BenchmarkDotNet)");
            report.Micro.AddRange(MicroRun.Run(settings.Quick));
        }

        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        if (settings.Runs("scale") || settings.Runs("startup") || settings.Runs("coverage"))
        {
            simulator.Store.AddOrganization(BenchOrganizations.Empty);
        }

        if (settings.Runs("scale") || settings.Runs("coverage"))
        {
            Log("0-job host (memory baseline)");
            report.EmptyHost = await ScaleRun.MeasureEmptyHostAsync(simulator);
        }

        if (settings.Runs("scale") || settings.Runs("startup"))
        {

            if (settings.Runs("startup"))
            {
                report.Startup.Add(await ScaleRun.MeasureEmptyStartupAsync(simulator, settings));
            }

            foreach (var jobs in settings.ScaleJobs)
            {
                var ids = BenchJobs.Seed(simulator.Store, BenchOrganizations.Explicit(jobs), jobs);
                if (settings.Runs("scale"))
                {
                    BenchJobs.Seed(simulator.Store, BenchOrganizations.Discovered(jobs), jobs);
                    report.Scales.Add(await ScaleRun.RunAsync(simulator, jobs, ids, report.EmptyHost!, settings));
                }

                if (settings.Runs("startup"))
                {
                    report.Startup.Add(await ScaleRun.MeasureStartupAsync(simulator, jobs, ids, settings));
                }
            }
        }

        if (settings.Runs("coverage"))
        {
            foreach (var mailboxes in settings.Mailboxes)
            {
                report.Coverage.Add(await CoverageRun.RunAsync(simulator, mailboxes, report.EmptyHost!, settings));
            }
        }

        if (settings.Runs("cycle"))
        {
            Log($"full cycle of {settings.CycleJobs} jobs at {settings.CycleLatency.TotalMilliseconds} ms latency");
            report.Cycle = await CycleRun.RunAsync(simulator, settings.CycleJobs, settings.CycleConcurrency, settings.CycleLatency);
        }

        report.Targets.AddRange(Targets.Evaluate(report));
        report.Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ResultsWriter.Write(report, RepositoryPaths.Results, settings.ResultsName);
        Console.WriteLine();
        Console.WriteLine(ResultsWriter.Markdown(report));
        Log($"written to {Path.Combine(RepositoryPaths.Results, settings.ResultsName)}.md and .json");
        return 0;
    }

    private static void Log(string message) => Console.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {message}");
}
