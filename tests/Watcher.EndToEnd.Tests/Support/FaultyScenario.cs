namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// The scenario with a little throttling and a few server errors, so that retries and errors have series too;
/// shared by tests that only read what Prometheus and Watcher serve.
/// </summary>
public sealed class FaultyScenario : IAsyncLifetime
{
    internal Scenario E2e { get; private set; } = null!;

    public async Task InitializeAsync() => E2e = await Scenario.StartAsync(simulator =>
    {
        simulator.Faults.ThrottleRatio = 0.15;
        simulator.Faults.ServerErrorRatio = 0.15;
    });

    public async Task DisposeAsync() => await E2e.DisposeAsync();
}
