using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>The export-job calls, tracked by <see cref="CredentialTracker"/>.</summary>
internal sealed class CredentialTrackingWorkMailExportJobs(IWorkMailExportJobs inner, CredentialTracker tracker) : IWorkMailExportJobs, IDisposable
{
    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken) =>
        tracker.TrackAsync(WorkMailOperations.DescribeMailboxExportJob, organizationId, () => inner.DescribeExportJobAsync(organizationId, jobId, cancellationToken));

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        tracker.TrackAsync(WorkMailOperations.ListMailboxExportJobs, organizationId, () => inner.ListExportJobsAsync(organizationId, nextToken, maxResults, cancellationToken));

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
