namespace Watcher.WorkMail.Model;

/// <summary>One entry of ListResources; <see cref="Type"/> is null when WorkMail leaves it out.</summary>
public sealed record DirectoryResource(
    string Id,
    string? Email,
    string? Name,
    ResourceType? Type,
    EntityState State,
    DateTimeOffset? EnabledDate,
    DateTimeOffset? DisabledDate);
