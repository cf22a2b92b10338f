using Watcher.Bench.Harness;
using Watcher.Bench.Hosting;
using Watcher.Bench.Results;
using Watcher.Bench.Seeding;
using Watcher.Simulator;

namespace Watcher.Bench.Startup;

/// <summary>Starts the built Watcher binary as a real process and times it to ready.</summary>
internal static class StartupRun
{
    public static async Task<StartupResult> RunAsync(WorkMailSimulator simulator, WatcherSettings settings, int repeats)
    {
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            await using var watcher = ServedWatcher.StartWatcher(simulator, settings);
            times.Add((await watcher.WaitUntilReadyAsync(ServedWatcher.ReadyTimeout)).TotalMilliseconds);
        }

        return new StartupResult(Path.GetRelativePath(RepositoryPaths.Root, RepositoryPaths.WatcherDll), times);
    }
}
