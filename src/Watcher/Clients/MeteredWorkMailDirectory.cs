using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>Meters ListUsers and ListResources exactly as <see cref="MeteredWorkMailExportJobs"/> meters the export-job calls.</summary>
internal sealed class MeteredWorkMailDirectory(IWorkMailDirectory inner, ApiCallMeter meter) : IWorkMailDirectory
{
    public Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        meter.MeasureAsync(WorkMailOperations.ListUsers, organizationId, () => inner.ListUsersAsync(organizationId, nextToken, maxResults, cancellationToken));

    public Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        meter.MeasureAsync(WorkMailOperations.ListResources, organizationId, () => inner.ListResourcesAsync(organizationId, nextToken, maxResults, cancellationToken));
}
