using Watcher.Bench.Harness;
using Watcher.Bench.Hosting;
using Watcher.Bench.Results;
using Watcher.Bench.Seeding;
using Watcher.Simulator;

namespace Watcher.Bench.Startup;

/// <summary>Starts the built Watcher binary as a real process and times it to ready.</summary>
internal static class StartupRun
{
    public static async Task<StartupResult> RunAsync(WorkMailSimulator simulator, WatcherSettings settings, int jobs, int repeats)
    {
        var times = new List<double>();
        var resident = new List<long>();
        var fileBacked = new List<long>();
        for (var i = 0; i < repeats; i++)
        {
            await using var watcher = ServedWatcher.StartWatcher(simulator, settings);
            times.Add((await watcher.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout)).TotalMilliseconds);

            // As a pod would sit after start: settled, one scrape served, nothing forced.
            await Task.Delay(TimeSpan.FromSeconds(1));
            using (var scrape = await watcher.Client.GetAsync(new Uri("/metrics", UriKind.Relative)))
            {
                scrape.EnsureSuccessStatusCode();
            }

            resident.Add(watcher.ResidentBytes());
            fileBacked.Add(watcher.FileBackedResidentBytes());
        }

        return new StartupResult(jobs, Path.GetRelativePath(RepositoryPaths.Root, RepositoryPaths.WatcherDll), times, resident, fileBacked);
    }
}
