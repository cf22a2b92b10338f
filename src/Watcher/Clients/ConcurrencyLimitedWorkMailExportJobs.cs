using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>Bounds how many WorkMail calls are in flight at once, across every poll; the slots are shared by all clients.</summary>
internal sealed class ConcurrencyLimitedWorkMailExportJobs(IWorkMailExportJobs inner, SemaphoreSlim slots) : IWorkMailExportJobs, IDisposable
{
    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken) =>
        slots.WithSlotAsync(() => inner.DescribeExportJobAsync(organizationId, jobId, cancellationToken), cancellationToken);

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        slots.WithSlotAsync(() => inner.ListExportJobsAsync(organizationId, nextToken, maxResults, cancellationToken), cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
