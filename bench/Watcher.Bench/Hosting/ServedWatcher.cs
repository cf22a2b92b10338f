using Watcher.Bench.Harness;
using Watcher.Bench.Seeding;
using Watcher.Simulator;

namespace Watcher.Bench.Hosting;

/// <summary>Starts Watcher processes against the harness's simulator, with its keys in the environment.</summary>
internal static class ServedWatcher
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The harness's child mode: Watcher plus the bench endpoints.</summary>
    public static ChildProcess StartBenchHost(WorkMailSimulator simulator, WatcherSettings settings)
    {
        var folder = WatcherSettingsFile.Write(settings);
        var url = FreePort.Next();
        return ChildProcess.Start(RepositoryPaths.BenchDll, [ServeCommand.Name, folder, url.ToString()], folder, url, Environment(simulator));
    }

    /// <summary>The Watcher binary itself, as a user runs it: from a folder holding its appsettings.json.</summary>
    public static ChildProcess StartWatcher(WorkMailSimulator simulator, WatcherSettings settings)
    {
        var folder = WatcherSettingsFile.Write(settings);
        var url = FreePort.Next();
        var environment = Environment(simulator);
        environment["ASPNETCORE_URLS"] = url.ToString();
        return ChildProcess.Start(RepositoryPaths.WatcherDll, [], folder, url, environment);
    }

    private static Dictionary<string, string> Environment(WorkMailSimulator simulator) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = simulator.Credentials.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = simulator.Credentials.SecretAccessKey,
    };
}
