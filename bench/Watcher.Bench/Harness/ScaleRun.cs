using Watcher.Bench.Economy;
using Watcher.Bench.Hosting;
using Watcher.Bench.Memory;
using Watcher.Bench.Results;
using Watcher.Bench.Scrape;
using Watcher.Bench.Seeding;
using Watcher.Bench.Startup;
using Watcher.Simulator;

namespace Watcher.Bench.Harness;

/// <summary>Scrape, memory, API economy and startup at one number of watched jobs.</summary>
internal static class ScaleRun
{
    /// <summary>Jobs started between two discovery cycles.</summary>
    private const int NewJobs = 5;

    public static async Task<MemoryResult> MeasureEmptyHostAsync(WorkMailSimulator simulator)
    {
        var settings = new WatcherSettings(simulator.ServiceUrl, simulator.Region) { Organizations = [BenchOrganizations.Empty] };
        await using var host = ServedWatcher.StartBenchHost(simulator, settings);
        await host.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout);
        return await MemoryProbe.ReadAsync(host, "empty");
    }

    public static async Task<ScaleResult> RunAsync(WorkMailSimulator simulator, int jobs, IReadOnlyList<string> explicitJobIds, MemoryResult empty, BenchSettings bench)
    {
        var result = new ScaleResult { Jobs = jobs };
        var explicitSettings = new WatcherSettings(simulator.ServiceUrl, simulator.Region)
        {
            JobsOrganizationId = BenchOrganizations.Explicit(jobs),
            Jobs = explicitJobIds,
        };

        Log($"{jobs} jobs: explicit host (naive calls, scrape, memory)");
        int naive;
        simulator.Requests.Clear();
        await using (var host = ServedWatcher.StartBenchHost(simulator, explicitSettings))
        {
            await host.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout);
            naive = CallCounter.Count(simulator, BenchOrganizations.Explicit(jobs)).Total;
            result.MemoryExplicit = (await MemoryProbe.ReadAsync(host, "explicit")).Over(empty);
            result.Scrape = (await ScrapeComparison.MeasureAsync(host, bench)).Result;
        }

        Log($"{jobs} jobs: discovery host (calls per cycle, memory)");
        var organizationId = BenchOrganizations.Discovered(jobs);
        var discoverySettings = new WatcherSettings(simulator.ServiceUrl, simulator.Region) { Organizations = [organizationId] };
        simulator.Requests.Clear();
        await using (var host = ServedWatcher.StartBenchHost(simulator, discoverySettings))
        {
            await host.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout);
            var first = CallCounter.Count(simulator, organizationId);
            result.MemoryDiscovery = (await MemoryProbe.ReadAsync(host, "discovery")).Over(empty);

            for (var i = 0; i < NewJobs; i++)
            {
                simulator.Store.AddJob(organizationId, BenchJobs.Fresh(jobs + i));
            }

            var withNew = await CountCycleAsync(simulator, host, organizationId);
            var steady = await CountCycleAsync(simulator, host, organizationId);
            result.Economy = new EconomyResult(naive, first, NewJobs, withNew, steady);
        }

        return result;
    }

    /// <summary>Starts of the Watcher binary watching one organization with no jobs: the smallest valid configuration.</summary>
    public static Task<StartupResult> MeasureEmptyStartupAsync(WorkMailSimulator simulator, BenchSettings bench)
    {
        var repeats = bench.StartupRepeatsAt(0);
        Log($"0 jobs (one organization, none in it): startup of {RepositoryPaths.WatcherDll} (n={repeats})");
        var settings = new WatcherSettings(simulator.ServiceUrl, simulator.Region) { Organizations = [BenchOrganizations.Empty] };
        return StartupRun.RunAsync(simulator, settings, 0, repeats);
    }

    /// <summary>Starts of the Watcher binary watching the same explicit jobs; fewer at the larger scales, which take longer.</summary>
    public static async Task<StartupResult> MeasureStartupAsync(WorkMailSimulator simulator, int jobs, IReadOnlyList<string> explicitJobIds, BenchSettings bench)
    {
        var repeats = bench.StartupRepeatsAt(jobs);
        Log($"{jobs} jobs: startup of {RepositoryPaths.WatcherDll} (n={repeats})");
        var settings = new WatcherSettings(simulator.ServiceUrl, simulator.Region)
        {
            JobsOrganizationId = BenchOrganizations.Explicit(jobs),
            Jobs = explicitJobIds,
        };
        return await StartupRun.RunAsync(simulator, settings, jobs, repeats);
    }

    private static async Task<CallCount> CountCycleAsync(WorkMailSimulator simulator, ChildProcess host, string organizationId)
    {
        simulator.Requests.Clear();
        using var response = await host.Client.PostAsync(new Uri(BenchEndpoints.PollOrganizationsPath, UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        return CallCounter.Count(simulator, organizationId);
    }

    private static void Log(string message) => Console.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {message}");
}
