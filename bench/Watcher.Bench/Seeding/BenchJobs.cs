using System.Globalization;
using Watcher.Simulator;

namespace Watcher.Bench.Seeding;

/// <summary>
/// Seeds a simulator organization with a realistic mix: 70 % running, 20 % completed, 5 % failed and 5 %
/// cancelled, all started within the 7-day listing window so that discovery sees every one.
/// </summary>
internal static class BenchJobs
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(6);

    public static IReadOnlyList<string> Seed(SimulatorStore store, string organizationId, int count)
    {
        store.AddOrganization(organizationId, alias: "bench");
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(store.AddJob(organizationId, Job(i)));
        }

        return ids;
    }

    /// <summary>A job that started a moment ago, as a new export would.</summary>
    public static SimulatedJob Fresh(int index) => Job(index) with
    {
        StartOffset = TimeSpan.FromSeconds(-1),
        Duration = TimeSpan.FromDays(30),
        Outcome = SimulatedOutcome.RunForever,
    };

    private static SimulatedJob Job(int index)
    {
        // Spread over the window, oldest last, and always at least an hour ago so the short ones have ended.
        var started = TimeSpan.FromHours(1) + (Window * ((index * 7919L) % 10_000) / 10_000);
        var job = new SimulatedJob
        {
            Description = "bench export " + index.ToString(CultureInfo.InvariantCulture),
            StartOffset = -started,
            Duration = TimeSpan.FromMinutes(30),
        };
        return (index % 20) switch
        {
            < 14 => job with { Duration = TimeSpan.FromDays(30), Outcome = SimulatedOutcome.RunForever },
            < 18 => job with { Outcome = SimulatedOutcome.Complete },
            18 => job with { Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 40, ErrorInfo = "Access denied to the S3 bucket." },
            _ => job with { Outcome = SimulatedOutcome.Cancel, OutcomeAtProgress = 60 },
        };
    }
}
