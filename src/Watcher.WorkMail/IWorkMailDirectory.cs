using Watcher.WorkMail.Model;

namespace Watcher.WorkMail;

/// <summary>
/// The narrow view of an organization's directory that Watcher depends on: its users and resources, the mailboxes
/// export coverage counts. Like <see cref="IWorkMailExportJobs"/> it speaks only in Watcher's own records and
/// <see cref="WorkMailException"/>, so that moving to AWSSDK.WorkMail means one new adapter.
/// </summary>
public interface IWorkMailDirectory
{
    /// <summary>Calls ListUsers for one page of at most <paramref name="maxResults"/> (1..100) users.</summary>
    /// <exception cref="WorkMailException">The call failed after the SDK's retries, or its response was unusable.</exception>
    Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken);

    /// <summary>Calls ListResources for one page of at most <paramref name="maxResults"/> (1..100) resources.</summary>
    /// <exception cref="WorkMailException">The call failed after the SDK's retries, or its response was unusable.</exception>
    Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken);
}
