namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// The scenario with two Watcher replicas polling the same simulator and scraped under one job (replicaCount 2),
/// and Prometheus sending its alerts to a real Alertmanager that notifies a webhook on loopback.
/// </summary>
public sealed class AlertingScenario : IAsyncLifetime
{
    internal Scenario E2e { get; private set; } = null!;

    public async Task InitializeAsync() => E2e = await Scenario.StartAsync(replicas: 2, alerting: true);

    public async Task DisposeAsync() => await E2e.DisposeAsync();
}
