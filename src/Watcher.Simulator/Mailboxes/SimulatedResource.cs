namespace Watcher.Simulator;

/// <summary>A resource (room or equipment) of a simulated organization, as ListResources returns it.</summary>
public sealed record SimulatedResource
{
    /// <summary>Null: a UUID is generated.</summary>
    public string? Id { get; init; }

    /// <summary>The resource name, 1..20 characters of the model's ResourceName pattern.</summary>
    public required string Name { get; init; }

    public string? Email { get; init; }

    /// <summary>ROOM or EQUIPMENT.</summary>
    public string Type { get; init; } = SimulatedDirectory.Room;

    /// <summary>ENABLED, DISABLED or DELETED.</summary>
    public string State { get; init; } = SimulatedDirectory.Enabled;

    public string? Description { get; init; }

    public DateTimeOffset? EnabledDate { get; init; }

    public DateTimeOffset? DisabledDate { get; init; }
}
