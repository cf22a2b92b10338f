namespace Watcher.Simulator;

/// <summary>The model's wire names for the states, roles and types of users and resources.</summary>
public static class SimulatedDirectory
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
    public const string Deleted = "DELETED";

    public const string User = "USER";
    public const string Resource = "RESOURCE";
    public const string SystemUser = "SYSTEM_USER";
    public const string RemoteUser = "REMOTE_USER";

    public const string Room = "ROOM";
    public const string Equipment = "EQUIPMENT";

    public static IReadOnlyList<string> States { get; } = [Enabled, Disabled, Deleted];

    public static IReadOnlyList<string> UserRoles { get; } = [User, Resource, SystemUser, RemoteUser];

    public static IReadOnlyList<string> ResourceTypes { get; } = [Room, Equipment];
}
