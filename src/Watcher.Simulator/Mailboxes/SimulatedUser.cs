namespace Watcher.Simulator;

/// <summary>A user of a simulated organization, as ListUsers returns it. Enum members take the model's wire names.</summary>
public sealed record SimulatedUser
{
    /// <summary>Null: a UUID is generated. Export jobs name a mailbox by this id (their EntityId).</summary>
    public string? Id { get; init; }

    /// <summary>The user name, 1..64 characters of the model's UserName pattern.</summary>
    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>ENABLED, DISABLED or DELETED.</summary>
    public string State { get; init; } = SimulatedDirectory.Enabled;

    /// <summary>USER, RESOURCE, SYSTEM_USER or REMOTE_USER.</summary>
    public string UserRole { get; init; } = SimulatedDirectory.User;

    public DateTimeOffset? EnabledDate { get; init; }

    public DateTimeOffset? DisabledDate { get; init; }
}
