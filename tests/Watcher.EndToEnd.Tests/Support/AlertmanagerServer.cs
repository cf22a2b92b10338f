using Watcher.Testing.Network;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// A real Alertmanager (Debian's prometheus-alertmanager) on loopback, with a temporary data directory, gossip
/// turned off, and one route to <see cref="WebhookReceiver"/>. Each distinct alert is a group of its own
/// (<c>group_by: ['...']</c>), so one notification per alert is what a test counts; waits are short and repeats
/// an hour apart, so a repeat within a test is a duplicate. Disposal kills it, and <c>timeout</c> does anyway
/// should the test process die first.
/// </summary>
internal sealed class AlertmanagerServer : IAsyncDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private readonly ChildProcess _process;
    private readonly string _folder;

    private AlertmanagerServer(ChildProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Output => _process.Output;

    public static async Task<AlertmanagerServer> StartAsync(Uri webhook)
    {
        var binary = Tool.Alertmanager.Path;
        var folder = Directory.CreateTempSubdirectory("watcher-alertmanager-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "alertmanager.yml"), $$"""
            route:
              receiver: webhook
              group_by: ['...']
              group_wait: 1s
              group_interval: 2s
              repeat_interval: 1h
            receivers:
              - name: webhook
                webhook_configs:
                  - url: {{webhook}}
                    send_resolved: true
            """);

        var port = FreePort.Next();
        var process = ChildProcess.Start(
            binary,
            [
                $"--config.file={Path.Combine(folder, "alertmanager.yml")}",
                $"--storage.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--cluster.listen-address=",
                "--log.level=warn",
            ],
            new ChildProcessOptions { WorkingDirectory = folder, MaxLifetime = MaxLifetime });

        var server = new AlertmanagerServer(process, folder, port);
        try
        {
            await HttpReadiness.UntilReadyAsync(process, new Uri($"http://127.0.0.1:{port}/-/ready"), "Alertmanager", TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Alertmanager may still be writing its snapshot as it dies; the folder is in the temp directory anyway.
        }
    }
}
