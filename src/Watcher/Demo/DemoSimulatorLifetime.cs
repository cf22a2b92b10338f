using Watcher.Simulator;

namespace Watcher.Demo;

/// <summary>Stops the in-process simulator when Watcher stops.</summary>
internal sealed class DemoSimulatorLifetime(WorkMailSimulator simulator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await simulator.DisposeAsync();
}
