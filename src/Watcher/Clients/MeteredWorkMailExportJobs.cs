using Watcher.Metrics;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Clients;

/// <summary>Counts every call, its failures by error code, and its latency; for /metrics and for the status page.</summary>
internal sealed class MeteredWorkMailExportJobs(IWorkMailExportJobs inner, WatcherMetrics metrics, ApiActivity activity, TimeProvider time) : IWorkMailExportJobs, IDisposable
{
    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken) =>
        MeasureAsync(WorkMailOperations.DescribeMailboxExportJob, organizationId, () => inner.DescribeExportJobAsync(organizationId, jobId, cancellationToken));

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        MeasureAsync(WorkMailOperations.ListMailboxExportJobs, organizationId, () => inner.ListExportJobsAsync(organizationId, nextToken, maxResults, cancellationToken));

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private async Task<T> MeasureAsync<T>(string operation, string organizationId, Func<Task<T>> call)
    {
        metrics.ApiRequest(operation, organizationId);
        activity.CallStarted();
        var started = time.GetTimestamp();
        try
        {
            var result = await call();
            activity.CallSucceeded();
            return result;
        }
        catch (WorkMailException ex)
        {
            metrics.ApiError(operation, organizationId, ex.ErrorCode);
            activity.CallFailed(ex.ErrorCode);
            throw;
        }
        finally
        {
            metrics.ApiDuration(operation, time.GetElapsedTime(started));
        }
    }
}
