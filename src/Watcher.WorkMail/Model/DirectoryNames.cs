namespace Watcher.WorkMail.Model;

/// <summary>
/// The wire names of <see cref="EntityState"/>, <see cref="UserRole"/> and <see cref="ResourceType"/>, as WorkMail
/// sends them. Names are case-sensitive, as the model's enums are.
/// </summary>
public static class DirectoryNames
{
    public static string Name(EntityState state) => state switch
    {
        EntityState.Enabled => "ENABLED",
        EntityState.Disabled => "DISABLED",
        EntityState.Deleted => "DELETED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Name(UserRole role) => role switch
    {
        UserRole.User => "USER",
        UserRole.Resource => "RESOURCE",
        UserRole.SystemUser => "SYSTEM_USER",
        UserRole.RemoteUser => "REMOTE_USER",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Name(ResourceType type) => type switch
    {
        ResourceType.Room => "ROOM",
        ResourceType.Equipment => "EQUIPMENT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out EntityState state) => TryParse(name, Enum.GetValues<EntityState>(), Name, out state);

    public static bool TryParse(string? name, out UserRole role) => TryParse(name, Enum.GetValues<UserRole>(), Name, out role);

    public static bool TryParse(string? name, out ResourceType type) => TryParse(name, Enum.GetValues<ResourceType>(), Name, out type);

    private static bool TryParse<T>(string? name, T[] values, Func<T, string> nameOf, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (string.Equals(nameOf(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
