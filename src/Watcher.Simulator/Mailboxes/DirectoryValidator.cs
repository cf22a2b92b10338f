using Watcher.Simulator.Jobs;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Mailboxes;

/// <summary>Seeded users and resources must be valid per the model, or a client under test would see answers the real service never gives.</summary>
internal static class DirectoryValidator
{
    public static void Validate(SimulatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ValidateId(user.Id, nameof(SimulatedUser.Id));
        SimulatedJobValidator.RequireValid(user.Name, ModelShapes.UserName, nameof(SimulatedUser.Name));
        ValidateOptional(user.Email, ModelShapes.EmailAddress, nameof(SimulatedUser.Email));
        ValidateOptional(user.DisplayName, ModelShapes.String256, nameof(SimulatedUser.DisplayName));
        RequireOneOf(user.State, SimulatedDirectory.States, nameof(SimulatedUser.State));
        RequireOneOf(user.UserRole, SimulatedDirectory.UserRoles, nameof(SimulatedUser.UserRole));
    }

    public static void Validate(SimulatedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ValidateId(resource.Id, nameof(SimulatedResource.Id));
        SimulatedJobValidator.RequireValid(resource.Name, ModelShapes.ResourceName, nameof(SimulatedResource.Name));
        ValidateOptional(resource.Email, ModelShapes.EmailAddress, nameof(SimulatedResource.Email));
        ValidateOptional(resource.Description, ModelShapes.ResourceDescription, nameof(SimulatedResource.Description));
        RequireOneOf(resource.Type, SimulatedDirectory.ResourceTypes, nameof(SimulatedResource.Type));
        RequireOneOf(resource.State, SimulatedDirectory.States, nameof(SimulatedResource.State));
    }

    private static void ValidateId(string? id, string name) => ValidateOptional(id, ModelShapes.WorkMailIdentifier, name);

    private static void ValidateOptional(string? value, StringShape shape, string name)
    {
        if (value is not null)
        {
            SimulatedJobValidator.RequireValid(value, shape, name);
        }
    }

    private static void RequireOneOf(string? value, IReadOnlyList<string> allowed, string name)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{name} '{value}' is not valid: it must be one of {string.Join(", ", allowed)}.");
        }
    }
}
