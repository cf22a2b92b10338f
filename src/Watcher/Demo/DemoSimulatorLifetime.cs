using Watcher.Simulator;

namespace Watcher.Demo;

/// <summary>Stops the in-process simulator, and the job spawner feeding it, when Watcher stops.</summary>
internal sealed class DemoSimulatorLifetime(DemoSimulator demo, JobSpawner spawner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        spawner.Dispose();
        await demo.DisposeAsync();
    }
}
