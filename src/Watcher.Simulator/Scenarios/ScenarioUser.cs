namespace Watcher.Simulator.Scenarios;

/// <summary>A user of the scenario file; absent members take the <see cref="SimulatedUser"/> defaults.</summary>
internal sealed class ScenarioUser
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public string? State { get; init; }

    public string? UserRole { get; init; }

    public DateTimeOffset? EnabledDate { get; init; }

    public DateTimeOffset? DisabledDate { get; init; }
}
