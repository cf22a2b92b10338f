using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>Takes the same call slots as <see cref="ConcurrencyLimitedWorkMailExportJobs"/>, so directory listings and polls share one bound.</summary>
internal sealed class ConcurrencyLimitedWorkMailDirectory(IWorkMailDirectory inner, SemaphoreSlim slots) : IWorkMailDirectory
{
    public Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        slots.WithSlotAsync(() => inner.ListUsersAsync(organizationId, nextToken, maxResults, cancellationToken), cancellationToken);

    public Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        slots.WithSlotAsync(() => inner.ListResourcesAsync(organizationId, nextToken, maxResults, cancellationToken), cancellationToken);
}
