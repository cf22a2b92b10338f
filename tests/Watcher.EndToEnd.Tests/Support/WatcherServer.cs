using Watcher.Testing.Hosting;
using Watcher.Testing.Network;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// The built Watcher in its own process, the way users run it: configured by an appsettings.json in its
/// working directory (rewritten by the test, like a ConfigMap update) and credentials in the environment.
/// It keeps one port across restarts, so Prometheus' target stays the same.
/// </summary>
internal sealed class WatcherServer : IAsyncDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private readonly string _folder;
    private readonly Dictionary<string, string?> _environment;
    private ChildProcess? _process;

    private WatcherServer(string folder, int port, Dictionary<string, string?> environment)
    {
        _folder = folder;
        Port = port;
        _environment = environment;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string Output => _process?.Output ?? string.Empty;

    public static async Task<WatcherServer> StartAsync(object watcherSection, Dictionary<string, string?> environment)
    {
        var server = new WatcherServer(Directory.CreateTempSubdirectory("watcher-e2e-").FullName, FreePort.Next(), environment);
        await server.WriteSettingsAsync(watcherSection);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the process and waits until <c>/readyz</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = WatcherProcess.Start(["--urls", $"http://127.0.0.1:{Port}"], _environment, _folder, MaxLifetime);
        await HttpReadiness.UntilReadyAsync(_process, new Uri(Address, "readyz"), "Watcher", TimeSpan.FromSeconds(60));
    }

    /// <summary>Stops Watcher the way Kubernetes does: SIGTERM, then waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await _process.TerminateAsync();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public Task WriteSettingsAsync(object watcherSection) => SettingsFile.WriteAsync(_folder, watcherSection);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
