using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>The directory calls of the coverage scans, tracked by <see cref="CredentialTracker"/>, so that a policy
/// without <c>workmail:ListUsers</c> shows on the status page as a denied export-job call does.</summary>
internal sealed class CredentialTrackingWorkMailDirectory(IWorkMailDirectory inner, CredentialTracker tracker) : IWorkMailDirectory
{
    public Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        tracker.TrackAsync(WorkMailOperations.ListUsers, organizationId, () => inner.ListUsersAsync(organizationId, nextToken, maxResults, cancellationToken));

    public Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        tracker.TrackAsync(WorkMailOperations.ListResources, organizationId, () => inner.ListResourcesAsync(organizationId, nextToken, maxResults, cancellationToken));
}
