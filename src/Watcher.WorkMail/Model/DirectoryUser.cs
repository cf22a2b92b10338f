namespace Watcher.WorkMail.Model;

/// <summary>One entry of ListUsers. <see cref="Id"/> is what StartMailboxExportJob's EntityId names.</summary>
public sealed record DirectoryUser(
    string Id,
    string? Email,
    string? Name,
    string? DisplayName,
    EntityState State,
    UserRole Role,
    DateTimeOffset? EnabledDate,
    DateTimeOffset? DisabledDate);
