namespace Watcher.Simulator.Scenarios;

internal sealed class ScenarioOrganization
{
    public string? OrganizationId { get; init; }

    public string? Alias { get; init; }

    public bool? Active { get; init; }

    /// <summary>Null: the simulator's primary region.</summary>
    public string? Region { get; init; }

    public IReadOnlyList<ScenarioJob>? Jobs { get; init; }

    public IReadOnlyList<ScenarioUser>? Users { get; init; }

    public IReadOnlyList<ScenarioResource>? Resources { get; init; }
}
