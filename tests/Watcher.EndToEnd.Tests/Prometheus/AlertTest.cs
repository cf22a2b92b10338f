using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;
using Watcher.Simulator;

namespace Watcher.EndToEnd.Tests.Prometheus;

/// <summary>
/// One shipped alert firing in a real Prometheus when its cause appears, and resolving once it is gone. Each test
/// class has a scenario of its own (simulator, Watcher, Prometheus), so the classes run side by side: their time
/// goes on waiting for Prometheus' rule evaluation, which no fake clock can shorten.
/// </summary>
public abstract class AlertTest : IAsyncLifetime
{
    protected static readonly TimeSpan Fire = TimeSpan.FromSeconds(90);
    protected static readonly TimeSpan Resolve = AlertRules.RateWindow + AlertRules.KeepFiringFor + TimeSpan.FromSeconds(60);

    private protected Scenario E2e { get; private set; } = null!;

    /// <summary>Changes to the scenario's simulator before Watcher starts; none by default.</summary>
    private protected virtual Action<WorkMailSimulator>? BeforeWatcher => null;

    public async Task InitializeAsync() => E2e = await Scenario.StartAsync(BeforeWatcher);

    public async Task DisposeAsync() => await E2e.DisposeAsync();
}
