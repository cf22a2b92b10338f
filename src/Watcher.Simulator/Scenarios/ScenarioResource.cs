namespace Watcher.Simulator.Scenarios;

/// <summary>A resource of the scenario file; absent members take the <see cref="SimulatedResource"/> defaults.</summary>
internal sealed class ScenarioResource
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Type { get; init; }

    public string? State { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? EnabledDate { get; init; }

    public DateTimeOffset? DisabledDate { get; init; }
}
