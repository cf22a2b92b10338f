namespace Watcher.Simulator.Scenarios;

internal sealed class ScenarioDocument
{
    public IReadOnlyList<ScenarioOrganization>? Organizations { get; init; }
}
