using Watcher.Metrics;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>Counts every call, its failures by error code, and its latency; for /metrics and for the status page.</summary>
internal sealed class MeteredWorkMailExportJobs(IWorkMailExportJobs inner, ApiCallMeter meter) : IWorkMailExportJobs, IDisposable
{
    public MeteredWorkMailExportJobs(IWorkMailExportJobs inner, WatcherMetrics metrics, ApiActivity activity, TimeProvider time)
        : this(inner, new ApiCallMeter(metrics, activity, time))
    {
    }

    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken) =>
        meter.MeasureAsync(WorkMailOperations.DescribeMailboxExportJob, organizationId, () => inner.DescribeExportJobAsync(organizationId, jobId, cancellationToken));

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        meter.MeasureAsync(WorkMailOperations.ListMailboxExportJobs, organizationId, () => inner.ListExportJobsAsync(organizationId, nextToken, maxResults, cancellationToken));

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
